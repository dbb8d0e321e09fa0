import { appRouter, createCaller, createContextInner, type HttpBridge, type Services } from '@firebreak/api';
import type { Db } from '@firebreak/db';
import type { CampaignTaskCommand, HazardCommand, ReportCommand } from '@firebreak/domain';
import type { EvidencePhotos } from './evidence-photos';
import type { CheckItemIndex } from './seed-catalog';
import { countPath, type DriverOperation, type LifecycleDriver } from './lifecycle-driver';
import type { SeededUser } from './seed-org';

export interface RouterDriverDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: () => Date;
  /** Takes every operation whose procedure is not in the app router. */
  readonly kernel: LifecycleDriver;
  readonly users: ReadonlyMap<string, SeededUser>;
  readonly checkItems: CheckItemIndex;
  /** Evidence uploads for the unit's remediation; null when the seed has no uploads directory. */
  readonly photos: EvidencePhotos | null;
}

type Procedure = (input: unknown) => Promise<unknown>;
type Call = { readonly path: string; readonly input: Record<string, unknown> };

const PROCEDURES = (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures;

/** The server answers the seed as it answers a browser; the seed has no cookies and one client key. */
function seedHttp(): HttpBridge {
  return {
    getCookie: () => undefined,
    setCookie: () => {},
    clearCookie: () => {},
    clientKey: 'demo-seed',
    userAgent: 'firebreak-demo-seed',
  };
}

function at(caller: unknown, path: string): Procedure {
  let node: unknown = caller;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node as Procedure;
}

/**
 * Drives the demo through the tRPC routers as the demo users, exactly as their
 * browsers would (role checks, scope checks, input validation, the one
 * lifecycle path). A procedure the app router does not have (yet) falls back to
 * the kernel driver. Procedures are looked up by path at run time, so the seed
 * keeps working while routers are added or renamed.
 */
export function routerDriver(deps: RouterDriverDeps): LifecycleDriver {
  const paths: LifecycleDriver['paths'] = deps.kernel.paths;
  const http = seedHttp();
  const callerFor = (user: SeededUser | null) =>
    createCaller(
      createContextInner({
        db: deps.db,
        services: deps.services,
        clock: deps.clock,
        http,
        session: user ? { sessionId: `demo-seed:${user.username}`, actor: user.actor, venueId: user.venueId } : null,
      }),
    );

  /** Runs the first call whose procedure exists; null when none does (the caller then uses the kernel). */
  const viaRouter = async (op: DriverOperation | (string & {}), user: SeededUser | null, calls: readonly Call[]): Promise<{ value: unknown } | null> => {
    const call = calls.find((c) => c.path in PROCEDURES);
    if (!call) return null;
    const value = await at(callerFor(user), call.path)(call.input);
    countPath(paths, op, 'router');
    return { value };
  };

  const idOf = (value: unknown, ...keys: string[]): string => {
    const v = value as Record<string, unknown>;
    for (const k of keys) {
      const found = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown> | undefined)?.[part], v);
      if (typeof found === 'string') return found;
    }
    throw new Error(`demo seed: no id in the router's answer (looked for ${keys.join(', ')})`);
  };

  return {
    paths,

    async submitReport(input) {
      const body = {
        idempotencyKey: input.idempotencyKey,
        riskCategory: input.riskCategory,
        description: input.description,
        location: { lat: input.venue.lat, lng: input.venue.lng, address: input.venue.address },
        venueId: input.venue.id,
        // A whistleblower gives an identity (sealed the same way) instead of a contact.
        ...(input.contact ? (input.whistleblower ? { identity: { ...input.contact, position: '员工' } } : { contact: input.contact }) : {}),
      };
      const r = await viaRouter('report.submit', null, [{ path: input.whistleblower ? 'whistleblower.submit' : 'public.reports.submit', input: body }]);
      if (!r) return deps.kernel.submitReport(input);
      const v = r.value as { receipt: string };
      return { id: idOf(r.value, 'reportId', 'id'), receipt: v.receipt };
    },

    async report(by, id, command) {
      const r = await viaRouter(`report.${command.type}`, by, reportCalls(by, id, command));
      if (!r) await deps.kernel.report(by, id, command);
    },

    async registerHazard(by, input) {
      const r = await viaRouter('hazard.register', by, [
        {
          path: 'hazards.register',
          input: {
            source: input.source,
            ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
            venueId: input.venue.id,
            riskCategory: input.riskCategory,
            description: input.description,
          },
        },
      ]);
      if (!r) return deps.kernel.registerHazard(by, input);
      return idOf(r.value, 'id', 'hazard.id');
    },

    async hazard(by, id, command) {
      if (command.type === 'submit_remediation') {
        // The unit router takes uploaded pictures, attached to the hazard as its evidence.
        const path = 'unit.hazards.submitRemediation';
        if (by.actor.role === 'unit' && deps.photos && path in PROCEDURES) {
          const attachmentIds: string[] = [];
          for (let i = 0; i < command.evidenceRefs.length; i++) attachmentIds.push(await deps.photos.create(by.id, `evidence ${i + 1}`));
          await viaRouter('hazard.submit_remediation', by, [{ path, input: { hazardId: id, evidence: command.note ?? '', attachmentIds } }]);
          return;
        }
        await deps.kernel.hazard(by, id, command);
        return;
      }
      const r = await viaRouter(`hazard.${command.type}`, by, hazardCalls(id, command));
      if (!r) await deps.kernel.hazard(by, id, command);
    },

    async createCampaign(by, input) {
      const r = await viaRouter('campaign.create', by, [
        {
          path: 'campaigns.create',
          input: {
            name: input.name,
            jurisdictionId: input.jurisdictionId,
            leadDepartmentId: input.leadDepartmentId,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            plan: input.plan,
          },
        },
      ]);
      return r ? idOf(r.value, 'id') : deps.kernel.createCampaign(by, input);
    },

    activateCampaign: (by, id) => deps.kernel.activateCampaign(by, id),

    async call(op, by, path, input) {
      if (!(path in PROCEDURES)) {
        countPath(paths, op, 'skipped');
        return null;
      }
      const value = await at(callerFor(by), path)(input);
      countPath(paths, op, 'router');
      return value;
    },

    async createCampaignTask(by, input) {
      // The router numbers a task after its siblings and places it where the campaign is.
      const r = await viaRouter('campaign_task.create', by, [
        { path: 'campaigns.addTask', input: { campaignId: input.campaignId, ...(input.parent ? { parentId: input.parent.id } : {}), title: input.title } },
      ]);
      return r ? idOf(r.value, 'id') : deps.kernel.createCampaignTask(by, input);
    },

    async campaignTask(by, id, command) {
      const r = await viaRouter(`campaign_task.${command.type}`, by, campaignCalls(id, command));
      if (!r) await deps.kernel.campaignTask(by, id, command);
    },
  };
}

const notes = (c: { publicNote?: string; internalNote?: string }) => ({
  ...(c.publicNote === undefined ? {} : { publicNote: c.publicNote }),
  ...(c.internalNote === undefined ? {} : { internalNote: c.internalNote }),
});

/** The staff reports router's procedure for each kernel command. */
function reportCalls(by: SeededUser, id: string, c: ReportCommand): Call[] {
  switch (c.type) {
    case 'accept':
      return [{ path: 'reports.accept', input: { id, ...notes(c) } }];
    case 'reject':
      return [
        {
          path: 'reports.reject',
          input: { id, reason: c.reason, explanation: c.explanation, ...(c.duplicateOf ? { duplicateOf: c.duplicateOf } : {}), ...notes(c) },
        },
      ];
    case 'assign':
      // Taking a report on oneself is 开始核查; assigning someone else is a supervisor's 指派.
      return c.assignee.userId === by.id
        ? [{ path: 'reports.startVerification', input: { id, ...notes(c) } }]
        : [{ path: 'reports.assign', input: { id, assigneeUserId: c.assignee.userId, ...notes(c) } }];
    case 'substantiate':
      return [{ path: 'reports.substantiate', input: { id, hazardIds: [...c.hazardIds], ...notes(c) } }];
    case 'mark_unfounded':
      return [{ path: 'reports.findUnfounded', input: { id, reason: c.reason, ...notes(c) } }];
    case 'reply':
      return [{ path: 'reports.reply', input: { id, text: c.text, ...notes(c) } }];
    case 'add_note':
      return [{ path: 'reports.addNote', input: { id, note: c.note, visibility: c.visibility } }];
  }
}

const optional = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === undefined || value === null ? {} : ({ [key]: value } as Record<K, V>);

/**
 * The staff hazards router's procedure for each kernel command; a unit's own
 * remediation goes through the unit router (staff have no procedure for it).
 */
function hazardCalls(id: string, c: HazardCommand): Call[] {
  switch (c.type) {
    case 'confirm':
      return [{ path: 'hazards.confirm', input: { id, ...optional('note', c.note) } }];
    case 'dismiss':
      return [{ path: 'hazards.dismiss', input: { id, reason: c.reason } }];
    case 'order':
      return [{ path: 'hazards.order', input: { id, correction: c.correction, ...optional('noticeRef', c.noticeRef) } }];
    case 'serve_notice':
      return [{ path: 'hazards.serveNotice', input: { id, noticeRef: c.noticeRef } }];
    case 'submit_remediation':
      return []; // handled by the driver: it needs uploads
    case 'escalate':
      return [{ path: 'hazards.escalate', input: { id, ...optional('note', c.note) } }];
    case 'reinspect_pass':
      return [{ path: 'hazards.reinspectPass', input: { id, signatureRef: c.signatureRef, ...optional('note', c.note), ...optional('inspectionId', c.inspectionId) } }];
    case 'reinspect_fail':
      return [
        {
          path: 'hazards.reinspectFail',
          input: { id, signatureRef: c.signatureRef, note: c.note, newDueDate: c.newDueDate, ...optional('inspectionId', c.inspectionId) },
        },
      ];
    case 'close':
      return [{ path: 'hazards.close', input: { id, ...optional('note', c.note) } }];
    case 'mark_major':
      return [{ path: 'hazards.markMajor', input: { id, determinationId: c.determinationId } }];
  }
}

/** The campaigns router's procedure for each campaign task command. */
function campaignCalls(taskId: string, c: CampaignTaskCommand): Call[] {
  switch (c.type) {
    case 'assign':
      return [
        {
          path: 'campaigns.assign',
          input: { taskId, leadDepartmentId: c.leadDepartmentId, deadline: c.deadline, ...optional('supportingDepartmentIds', c.supportingDepartmentIds ? [...c.supportingDepartmentIds] : null) },
        },
      ];
    case 'start':
      return [{ path: 'campaigns.start', input: { taskId } }];
    case 'report_progress':
      return [{ path: 'campaigns.reportProgress', input: { taskId, figures: { ...c.figures }, summary: c.summary } }];
    case 'accept':
      return [{ path: 'campaigns.accept', input: { taskId } }];
    case 'send_back':
      return [{ path: 'campaigns.sendBack', input: { taskId, reason: c.reason } }];
    case 'mark_overdue':
      return [{ path: 'campaigns.markOverdue', input: { taskId } }];
  }
}
