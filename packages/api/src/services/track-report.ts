import { publicReportView, renderNotification, shortRef, type HazardState, type PublicReportView, type ReportState } from '@firebreak/domain';
import { findRetentionPurgeAt, listHazardStates, listInApp, listReportMessages, markMessagesRead } from '@firebreak/db';

import { lookupReceipt, NIL_ID, RECEIPT_NOT_FOUND, type IntakeDeps } from './receipt-access';
import { DomainFailure } from '../application/failure';

/** A message of the two-way channel as the reporter reads it: what was said and when, never by whom. */
export interface ReporterMessage {
  readonly direction: 'public' | 'handler';
  readonly body: string;
  readonly at: string;
}

/** A notification to the reporter (in-app, on the tracking page), in both languages. */
export interface ReporterNotification {
  readonly template: string;
  readonly at: string;
  readonly zh: { readonly subject: string; readonly body: string };
  readonly en: { readonly subject: string; readonly body: string };
}

export interface TrackedReport {
  readonly report: PublicReportView;
  readonly messages: readonly ReporterMessage[];
  /** What the system told the reporter (reward notified, report replied …), newest first. */
  readonly notifications: readonly ReporterNotification[];
  /** When the retention period ran out and the sealed identity and photo originals were purged; null while kept. */
  readonly materialPurgedAt: string | null;
  /** The jurisdiction the report was routed to, with the names above it (root first). */
  readonly handledBy: { readonly name: string; readonly path: readonly string[] } | null;
}

/**
 * What the holder of a receipt may read: the kernel's public projection (timeline,
 * statutory deadlines, public notes, linked hazards) and the conversation.
 * Reading marks the handlers' messages as read.
 */
export async function trackReport(deps: IntakeDeps, clientKey: string, receipt: string): Promise<TrackedReport> {
  const row = await lookupReceipt(deps, clientKey, receipt);
  const state = row ? (row.state as unknown as ReportState) : null;
  // The same queries run for a wrong receipt (against an id that matches nothing).
  const hazards = (await listHazardStates(deps.db, state?.hazardIds ?? [])) as unknown as HazardState[];
  const messages = await listReportMessages(deps.db, row?.id ?? NIL_ID);
  const notes = await listInApp(deps.db, { reportId: row?.id ?? NIL_ID }, 50);
  const purgedAt = await findRetentionPurgeAt(deps.db, row?.id ?? NIL_ID);
  const { tree } = await deps.services.reference.get(deps.db);
  if (!row || !state) throw new DomainFailure(RECEIPT_NOT_FOUND);
  const office = tree.node(state.jurisdictionId);
  // Only write when there is something unread: most lookups are pure reads.
  if (messages.some((m) => m.direction === 'handler' && m.readAt === null)) await markMessagesRead(deps.db, row.id, 'handler', deps.clock());
  return {
    report: publicReportView(state, hazards),
    messages: messages.map((m) => ({ direction: m.direction, body: m.body, at: m.createdAt.toISOString() })),
    notifications: notes.map((n) => {
      const values = { ref: shortRef(n.entityId), ...(n.data ?? {}) };
      return { template: n.template, at: n.createdAt.toISOString(), zh: renderNotification(n.template, 'zh-CN', values), en: renderNotification(n.template, 'en', values) };
    }),
    materialPurgedAt: purgedAt?.toISOString() ?? null,
    handledBy: office ? { name: office.name, path: tree.path(office.id) } : null,
  };
}
