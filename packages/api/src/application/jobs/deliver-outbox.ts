import {
  ACCOUNT_CHANNELS,
  afterFailure,
  DEFAULT_DELIVERY_POLICY,
  nearestLevelWithAccounts,
  renderNotification,
  reporterChannels,
  shortRef,
  type DeliveryPolicy,
  type Recipient,
} from '@firebreak/domain';
import {
  activeUnitUsers,
  activeUserExists,
  activeUsersOfDepartment,
  activeUsersWithRole,
  countPendingDeliveries,
  insertDeliveries,
  leaseDueDeliveries,
  listDueOutbox,
  loadLifecycle,
  lockPendingOutbox,
  markOutboxFailed,
  markOutboxSent,
  outboxAttempts,
  reporterReach,
  settleDelivery,
  type Db,
  type LeasedDelivery,
  type NewDelivery,
  type OutboxRow,
} from '@firebreak/db';
import type { JobDeps } from './job-deps';

/** A message as a channel adapter sends it; `deliveryId` lets the receiver drop a repeat. */
export interface OutgoingMessage {
  readonly deliveryId: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * The adapters the door wires from configuration (apps/api: SMTP with nodemailer, a signed
 * webhook for SMS and the hotline callback). A channel left out is not configured: its
 * deliveries stay pending, and the job says so in the log.
 */
export interface NotificationChannels {
  readonly email?: (to: string, message: OutgoingMessage) => Promise<void>;
  readonly sms?: (to: string, message: OutgoingMessage) => Promise<void>;
  readonly hotline?: (callback: { readonly reportId: string; readonly template: string; readonly message: OutgoingMessage }) => Promise<void>;
}

export interface OutboxJobResult {
  readonly fannedOut: number;
  readonly deliveriesCreated: number;
  readonly sent: number;
  readonly retried: number;
  readonly dead: number;
}

interface ReporterContact {
  readonly phone?: string;
  readonly email?: string;
}

/**
 * The outbox job, in two steps: resolve each pending outbox row to people and channels (one
 * delivery each, created once whatever the number of runs), then send the due deliveries over
 * the configured channels, retrying with exponential backoff until the dead-letter state. A
 * reporter's contact is opened from the sealed identity here, to send, and goes nowhere else.
 */
export async function runOutboxJob(
  deps: JobDeps,
  channels: NotificationChannels,
  options: { readonly policy?: DeliveryPolicy; readonly limit?: number; readonly leaseMs?: number } = {},
): Promise<OutboxJobResult> {
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const fan = await fanOut(deps, policy, options.limit ?? 100);
  const sent = await deliverDue(deps, channels, policy, options.limit ?? 50, options.leaseMs ?? 5 * 60_000);
  const result = { ...fan, ...sent };
  if (result.fannedOut + result.sent + result.retried + result.dead > 0) deps.log?.('outbox job', { ...result });
  return result;
}

async function fanOut(deps: JobDeps, policy: DeliveryPolicy, limit: number) {
  const now = deps.clock();
  let fannedOut = 0;
  let deliveriesCreated = 0;
  for (const id of await listDueOutbox(deps.db, now, limit)) {
    try {
      const created = await deps.db.transaction(async (tx) => {
        const row = await lockPendingOutbox(tx, id);
        if (!row) return null; // another runner has it, or had it
        const targets = await resolve(deps, tx, row);
        const n = await insertDeliveries(tx, row.id, targets, now);
        await markOutboxSent(tx, row.id, now);
        return n;
      });
      if (created === null) continue;
      fannedOut++;
      deliveriesCreated += created;
    } catch (e) {
      const attempts = (await outboxAttempts(deps.db, id)) + 1;
      const outcome = afterFailure(attempts, now, policy);
      await markOutboxFailed(deps.db, id, outcome.status === 'sent' ? { status: 'pending', attempts } : outcome, errorText(e));
      deps.log?.('outbox fan-out failed', { outboxId: id, attempts, status: outcome.status, error: errorText(e) });
    }
  }
  return { fannedOut, deliveriesCreated };
}

/** People and channels for one outbox row. */
async function resolve(deps: JobDeps, tx: Db, row: OutboxRow): Promise<NewDelivery[]> {
  const r: Recipient = row.recipient;
  const accounts = (ids: readonly string[]): NewDelivery[] =>
    [...new Set(ids)].flatMap((userId) => ACCOUNT_CHANNELS.map((channel) => ({ channel, userId })));
  switch (r.kind) {
    case 'user':
      return (await activeUserExists(tx, r.userId)) ? accounts([r.userId]) : [];
    case 'department':
      return accounts(await activeUsersOfDepartment(tx, r.departmentId));
    case 'unit':
      return accounts(await activeUnitUsers(tx, r.venueId));
    case 'role': {
      const ref = await deps.services.reference.get(tx);
      const levels = [r.jurisdictionId, ...ref.tree.ancestors(r.jurisdictionId).reverse()];
      const found = await activeUsersWithRole(tx, r.role, levels);
      const byLevel = (j: string) => found.filter((u) => u.jurisdictionId === j).map((u) => u.id);
      return accounts(nearestLevelWithAccounts(levels, byLevel));
    }
    case 'reporter': {
      const reportId = await reportOf(tx, row);
      if (reportId === null) return [];
      const reach = await reporterReach(tx, reportId);
      if (!reach) return [];
      const contact = openContact(deps, reportId, reach.sealedIdentity);
      const chosen = reporterChannels({ filedThrough: reach.channel, hasPhone: Boolean(contact?.phone), hasEmail: Boolean(contact?.email) });
      return chosen.map((channel) => ({ channel, reportId }));
    }
  }
}

/** The report a reporter-addressed notification is about (rewards and claims carry their report's id). */
async function reportOf(tx: Db, row: OutboxRow): Promise<string | null> {
  if (row.entity === 'report') return row.entityId;
  if (row.entity === 'reward' || row.entity === 'claim') {
    const l = await loadLifecycle<{ reportId?: string }>(tx, row.entity, row.entityId);
    return l.state.reportId ?? null;
  }
  return null;
}

function openContact(deps: JobDeps, reportId: string, sealed: string | null): ReporterContact | null {
  if (sealed === null) return null;
  const value = deps.services.sealer.open(sealed, `report-identity:${reportId}`);
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.phone === 'string' && v.phone.trim() !== '' ? { phone: v.phone.trim() } : {}),
    ...(typeof v.email === 'string' && v.email.trim() !== '' ? { email: v.email.trim() } : {}),
  };
}

const lastNotice = new WeakMap<object, string>();

async function deliverDue(deps: JobDeps, channels: NotificationChannels, policy: DeliveryPolicy, limit: number, leaseMs: number) {
  const configured = (['email', 'sms', 'hotline'] as const).filter((c) => channels[c] !== undefined);
  const missing = (['email', 'sms', 'hotline'] as const).filter((c) => channels[c] === undefined);
  if (missing.length > 0) {
    const waiting = await countPendingDeliveries(deps.db);
    const held = missing.filter((c) => (waiting[c] ?? 0) > 0);
    const counts = Object.fromEntries(held.map((c) => [c, waiting[c]]));
    // Said again only when the numbers change, not on every tick.
    const said = JSON.stringify(counts);
    if (held.length > 0 && lastNotice.get(deps.services) !== said) {
      deps.log?.('notification channel not configured; deliveries stay pending', counts);
    }
    lastNotice.set(deps.services, said);
  }
  let sent = 0;
  let retried = 0;
  let dead = 0;
  const leased = await leaseDueDeliveries(deps.db, { now: deps.clock(), channels: configured, limit, leaseMs });
  for (const d of leased) {
    const now = deps.clock();
    try {
      await send(deps, channels, d);
      if (await settleDelivery(deps.db, { id: d.id, attempts: d.attempts, outcome: { status: 'sent' }, now })) sent++;
    } catch (e) {
      const outcome = afterFailure(d.attempts, now, policy);
      const status = outcome.status === 'dead' ? 'dead' : 'pending';
      await settleDelivery(deps.db, {
        id: d.id,
        attempts: d.attempts,
        outcome: { status, ...(outcome.status === 'pending' ? { nextAttemptAt: outcome.nextAttemptAt } : {}) },
        now,
        error: errorText(e),
      });
      if (status === 'dead') dead++;
      else retried++;
      deps.log?.('notification delivery failed', { deliveryId: d.id, channel: d.channel, attempts: d.attempts, status, error: errorText(e) });
    }
  }
  return { sent, retried, dead };
}

function message(d: LeasedDelivery): OutgoingMessage {
  const values = { ref: shortRef(d.entityId), ...(d.data ?? {}) };
  const zh = renderNotification(d.template, 'zh-CN', values);
  const en = renderNotification(d.template, 'en', values);
  // zh-CN first, English second, in one message: a reporter's language is not known.
  return { deliveryId: d.id, subject: `${zh.subject} / ${en.subject}`, text: `${zh.body}\n\n${en.body}` };
}

async function send(deps: JobDeps, channels: NotificationChannels, d: LeasedDelivery): Promise<void> {
  const m = message(d);
  if (d.reportId === null) throw new Error(`no external channel for account deliveries (${d.channel})`);
  if (d.channel === 'hotline') {
    await channels.hotline!({ reportId: d.reportId, template: d.template, message: m });
    return;
  }
  const reach = await reporterReach(deps.db, d.reportId);
  const contact = reach ? openContact(deps, d.reportId, reach.sealedIdentity) : null;
  if (d.channel === 'sms') {
    if (!contact?.phone) throw new Error('the reporter left no phone (or it was purged)');
    await channels.sms!(contact.phone, m);
    return;
  }
  if (d.channel === 'email') {
    if (!contact?.email) throw new Error('the reporter left no email (or it was purged)');
    await channels.email!(contact.email, m);
    return;
  }
  throw new Error(`channel ${d.channel} is not sent by the job`);
}

/** The failure as stored and logged, with anything shaped like an address or a phone number blotted out. */
export function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/[^\s<>"']+@[^\s<>"']+/g, '[address]').replace(/\+?\d[\d -]{6,}\d/g, '[number]');
}
