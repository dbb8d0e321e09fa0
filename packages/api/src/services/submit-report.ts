import { z } from 'zod';
import { checkIntake, createReport, derivedAddress, mayDeriveAddress, type ReportState } from '@firebreak/domain';

import { attachUploads, findVenueById, hashRequest, receiptLookupHash, withIdempotencyKey, type VenueRow } from '@firebreak/db';
import { formatReceipt, newReceipt } from '../auth/secrets';
import type { ReferenceData } from '../context/reference';
import { runCreate } from '../kernel/run-transition';
import { assertUploadsFree } from './fresh-uploads';
import type { IntakeDeps } from './receipt-access';
import { reporterActor } from './reporter-actor';
import { placeReport, type JurisdictionBasis } from './report-jurisdiction';
import { DomainFailure } from '../application/failure';

/** The channels a reporter files through without an account (staff channels go through the reports router). */
export type IntakeChannel = 'web' | 'open311' | 'whistleblower';

/**
 * Shape and bounds only: blank text, an unusable location and the channel
 * rules are the kernel's (createReport), so they come back as coded errors.
 */
export const contactSchema = z.object({
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, { message: 'Invalid phone number' }),
  /** Optional: notifications about the report also go there (opened only by the delivery job). */
  email: z.email().max(254).optional(),
});

export const submitReportInput = z.object({
  /** Chosen by the client per report (a UUID), so a retried submission is not filed twice. */
  idempotencyKey: z.string().trim().min(16).max(128),
  riskCategory: z.string().trim().max(60).regex(/^[a-z0-9_]*$/),
  description: z.string().max(5_000),
  location: z.object({
    lat: z.number().finite(),
    lng: z.number().finite(),
    address: z.string().max(300),
  }),
  venueId: z.uuid().optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
  contact: contactSchema.optional(),
});
export type SubmitReportInput = z.infer<typeof submitReportInput>;

/** Whistleblowers may add who they are at their employer; all of it is sealed with the rest. */
export const whistleblowerIdentitySchema = contactSchema.extend({
  idNumber: z.string().trim().max(30).optional(),
  position: z.string().trim().max(50).optional(),
});

export interface SubmitReportOptions {
  readonly channel: IntakeChannel;
  /** The Open311 integrator's key, when filed through Open311. */
  readonly apiKeyId?: string | null;
  /** The identity to seal instead of `input.contact` (the fuller identity a whistleblower gives). */
  readonly identity?: Readonly<Record<string, unknown>> | null;
}

export interface SubmitReportResult {
  /** Shown once; only its keyed hash is stored. */
  readonly receipt: string;
  readonly receiptDisplay: string;
  readonly reportId: string;
  readonly submittedAt: string;
  readonly verificationDue: string;
  readonly urgent: boolean;
  /** How the jurisdiction was chosen (see placeReport). */
  readonly placedBy: JurisdictionBasis;
  /** True when an earlier call with the same idempotency key filed it. */
  readonly replayed: boolean;
}

interface StoredResponse {
  readonly sealedReceipt: string;
  readonly reportId: string;
  readonly submittedAt: string;
  readonly verificationDue: string;
  readonly urgent: boolean;
  readonly placedBy: JurisdictionBasis;
}

const SCOPE = 'report.submit';

/**
 * Files a report from the web portal, the whistleblower app or Open311: one
 * function so every door applies the same kernel rules, sealing and
 * idempotency. Concurrent calls with one key wait for the first and get its
 * receipt; the stored response holds the receipt sealed, never in clear.
 */
export async function submitReport(deps: IntakeDeps, given: SubmitReportInput, options: SubmitReportOptions): Promise<SubmitReportResult> {
  // Load configuration outside the idempotency transaction, so concurrent
  // callers queue on the key without one of them holding the cache load.
  const ref = await deps.services.reference.get(deps.db);
  const { input, venue } = await atTheVenue(deps, given);
  // One check for every door: a catalog category, a place inside the served area.
  const intake = checkIntake(input, ref.servedArea);
  if (!intake.ok) throw new DomainFailure(intake.error);
  const { idempotencyKey, ...request } = input;
  const requestHash = hashRequest({ channel: options.channel, apiKeyId: options.apiKeyId ?? null, identity: options.identity ?? null, request });
  const sealContext = `idempotency:${SCOPE}:${idempotencyKey}`;

  const outcome = await withIdempotencyKey<StoredResponse>(deps.db, SCOPE, idempotencyKey, requestHash, async (tx) => {
    const filed = await fileReport({ ...deps, db: tx }, input, options, ref.tree, ref.timeLimits, venue);
    return {
      sealedReceipt: deps.services.sealer.seal(filed.receipt, sealContext),
      reportId: filed.state.id,
      submittedAt: filed.state.receivedAt,
      verificationDue: filed.state.verificationDue,
      urgent: filed.state.urgent,
      placedBy: filed.placedBy,
    };
  });
  const stored = outcome.response;
  const receipt = deps.services.sealer.openString(stored.sealedReceipt, sealContext);
  return {
    receipt,
    receiptDisplay: formatReceipt(receipt),
    reportId: stored.reportId,
    submittedAt: stored.submittedAt,
    verificationDue: stored.verificationDue,
    urgent: stored.urgent,
    placedBy: stored.placedBy,
    replayed: outcome.replayed,
  };
}

/**
 * A report about a known venue is at that venue: its recorded coordinates replace whatever the
 * client sent (a phone without a location fix sends none), so the served-area check and the
 * stored place are the venue's. The typed address is kept when there is one.
 */
async function atTheVenue(deps: IntakeDeps, input: SubmitReportInput): Promise<{ input: SubmitReportInput; venue: VenueRow | null }> {
  if (input.venueId === undefined) return { input, venue: null };
  const venue = await findVenueById(deps.db, input.venueId);
  if (!venue || venue.lat === null || venue.lng === null) return { input, venue };
  return {
    input: { ...input, location: { lat: venue.lat, lng: venue.lng, address: input.location.address.trim() === '' ? (venue.address ?? '') : input.location.address } },
    venue,
  };
}

async function fileReport(
  deps: IntakeDeps,
  input: SubmitReportInput,
  options: SubmitReportOptions,
  tree: ReferenceData['tree'],
  limits: ReferenceData['timeLimits'],
  venue: VenueRow | null,
): Promise<{ receipt: string; state: ReportState; placedBy: JurisdictionBasis }> {
  const { db, services } = deps;
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  await assertUploadsFree(db, attachmentIds);
  const placement = await placeReport(db, tree, {
    venueId: input.venueId ?? null,
    location: input.location,
    apiKeyId: options.apiKeyId ?? null,
    venue,
  });
  // Open311 may send coordinates alone: the address shown is then the system's, and says so.
  const location = mayDeriveAddress(options.channel, input.location.address)
    ? {
        ...input.location,
        address: derivedAddress({
          lat: input.location.lat,
          lng: input.location.lng,
          jurisdictionName: tree.node(placement.jurisdictionId)?.name ?? null,
          nearestVenue: placement.nearestVenue ?? null,
        }),
      }
    : input.location;

  const id = services.newId();
  const receipt = newReceipt();
  const identity = options.identity ?? input.contact ?? null;
  const sealedIdentity = identity === null ? null : services.sealer.seal(identity, `report-identity:${id}`);
  const whistleblower = options.channel === 'whistleblower';
  const actor = reporterActor(whistleblower ? 'whistleblower' : 'public', id);

  const created = await runCreate<ReportState, 'report'>(
    deps,
    actor,
    'report',
    (k) =>
      createReport(
        {
          id,
          jurisdictionId: placement.jurisdictionId,
          channel: options.channel,
          riskCategory: input.riskCategory,
          venueId: input.venueId ?? null,
          location,
          description: input.description,
          anonymous: identity === null,
          whistleblower,
          // A pointer to the sealed column, never the identity itself.
          reporterRef: identity === null ? null : `reports.sealed_identity:${id}`,
        },
        k,
        limits,
      ),
    (s) => ({
      id: s.id,
      jurisdictionId: s.jurisdictionId,
      receiptHash: receiptLookupHash(receipt, services.receiptPepper),
      channel: options.channel,
      riskCategory: s.riskCategory,
      venueId: s.venueId,
      address: s.location.address,
      lat: s.location.lat,
      lng: s.location.lng,
      anonymous: s.anonymous,
      whistleblower: s.whistleblower,
      sealedIdentity,
      apiKeyId: options.apiKeyId ?? null,
      submittedAt: new Date(s.receivedAt),
    }),
  );
  await attachUploads(db, attachmentIds, 'report', id);
  return { receipt, state: created.state, placedBy: placement.basis };
}
