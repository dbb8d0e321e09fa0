import type { HazardState, HazardStatus } from '../lifecycles/hazard';
import { HAZARD_STATUS_LABELS, riskCategoryLabel, type Label } from './labels';

/**
 * A hazard as the public sees it (the receipt, a venue's QR page, the published
 * ledger). Built field by field from an allow-list: who found, ordered, signed or
 * closed it, the evidence, photos, notes and how it came to light (a report,
 * possibly a whistleblower's) stay inside.
 */
export interface PublicHazardView {
  readonly id: string;
  readonly venueId: string | null;
  readonly status: HazardStatus;
  readonly statusLabel: Label;
  readonly riskCategory: Label & { readonly code: string };
  readonly description: string;
  readonly major: boolean;
  readonly foundOn: string;
  /** The correction order in force: on the spot, or by a deadline. */
  readonly correction: { readonly mode: 'immediate' | 'deadline'; readonly due: string } | null;
  readonly overdue: boolean;
  readonly closedAt: string | null;
}

export function publicHazardView(hazard: HazardState): PublicHazardView {
  const order = hazard.orders.at(-1);
  return {
    id: hazard.id,
    venueId: hazard.venueId,
    status: hazard.status,
    statusLabel: HAZARD_STATUS_LABELS[hazard.status],
    riskCategory: riskCategoryLabel(hazard.riskCategory),
    description: hazard.description,
    major: hazard.major !== null,
    foundOn: hazard.foundAt,
    correction: order ? { mode: order.mode, due: order.due } : null,
    overdue: hazard.status === 'overdue',
    closedAt: hazard.status === 'closed' ? (hazard.closedBy?.at ?? null) : null,
  };
}
