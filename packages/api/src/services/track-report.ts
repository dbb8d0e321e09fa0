import { publicReportView, type HazardState, type PublicReportView, type ReportState } from '@firebreak/domain';
import { listHazardStates, listReportMessages, markMessagesRead } from '@firebreak/db';

import { lookupReceipt, NIL_ID, RECEIPT_NOT_FOUND, type IntakeDeps } from './receipt-access';
import { DomainFailure } from '../application/failure';

/** A message of the two-way channel as the reporter reads it: what was said and when, never by whom. */
export interface ReporterMessage {
  readonly direction: 'public' | 'handler';
  readonly body: string;
  readonly at: string;
}

export interface TrackedReport {
  readonly report: PublicReportView;
  readonly messages: readonly ReporterMessage[];
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
  if (!row || !state) throw new DomainFailure(RECEIPT_NOT_FOUND);
  // Only write when there is something unread: most lookups are pure reads.
  if (messages.some((m) => m.direction === 'handler' && m.readAt === null)) await markMessagesRead(deps.db, row.id, 'handler', deps.clock());
  return {
    report: publicReportView(state, hazards),
    messages: messages.map((m) => ({ direction: m.direction, body: m.body, at: m.createdAt.toISOString() })),
  };
}
