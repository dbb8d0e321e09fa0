/**
 * The unsent report, kept in this device's local storage so a reload or a
 * dropped connection does not lose it. Photos are kept as the server's
 * attachment ids with a small thumbnail, never the originals; the name and
 * phone of a named report are not kept at all.
 */
export interface DraftVenue {
  readonly id: string;
  readonly publicToken: string;
  readonly name: string;
  readonly address: string;
}

export interface DraftValues {
  riskCategory: string;
  placeMode: 'venue' | 'address' | 'map';
  venue: DraftVenue | null;
  /** The pin dropped on the map (WGS84), place mode 'map'. */
  pin: { readonly lat: number; readonly lng: number } | null;
  address: string;
  description: string;
  identity: 'anonymous' | 'real';
  contactName: string;
  contactPhone: string;
}

export interface DraftPhoto {
  readonly key: string;
  readonly name: string;
  readonly attachmentId: string;
  readonly thumb: string;
}

export interface Draft {
  /** Made once per draft: a double tap or a retry files one report. */
  readonly idempotencyKey: string;
  readonly values: DraftValues;
  readonly photos: readonly DraftPhoto[];
  readonly location: { readonly lat: number; readonly lng: number } | null;
}

export const DRAFT_KEY = 'firebreak.portal.reportDraft';

export const EMPTY_VALUES: DraftValues = {
  riskCategory: '',
  placeMode: 'venue',
  venue: null,
  pin: null,
  address: '',
  description: '',
  identity: 'anonymous',
  contactName: '',
  contactPhone: '',
};

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export function loadDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.idempotencyKey !== 'string' || d.idempotencyKey.length < 16 || typeof d.values !== 'object' || d.values === null) return null;
    return {
      idempotencyKey: d.idempotencyKey,
      values: { ...EMPTY_VALUES, ...d.values, contactName: '', contactPhone: '' },
      photos: Array.isArray(d.photos) ? d.photos.filter((p: unknown) => typeof (p as { attachmentId?: unknown } | null)?.attachmentId === 'string') : [],
      location: d.location ?? null,
    };
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    const { contactName: _n, contactPhone: _p, ...values } = draft.values;
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...draft, values }));
  } catch {
    // A full or blocked storage costs only the draft.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing to do
  }
}

export function isBlankDraft(d: Draft): boolean {
  const v = d.values;
  return !v.riskCategory && !v.venue && !v.pin && !v.address.trim() && !v.description.trim() && d.photos.length === 0;
}
