import { randomUUID } from 'node:crypto';
import { DomainFailure, isDomainErrorLike, trpcCodeFor } from '@firebreak/api';
import { chooseIntakePlace, isRiskCategoryCode, type IntakePlace } from '@firebreak/domain';
// packages/api does not re-export the intake service from its index yet (see the report to the lead).
import { contactSchema, submitReportInput, type SubmitReportInput } from '@firebreak/api';
import { badRequest, OPEN311_ERRORS, type Open311Failure } from './open311-error';
import { ATTACHMENTS_ATTRIBUTE } from './services';

/** Form fields and JSON members alike, as lists of strings (a multivaluelist repeats its key). */
export type PostFields = ReadonlyMap<string, readonly string[]>;

/** `application/x-www-form-urlencoded`, with `attribute[code][]` folded into `attribute[code]`. */
export function parseFormFields(body: string): PostFields {
  const fields = new Map<string, string[]>();
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    fields.set(key, [...(fields.get(key) ?? []), value]);
  }
  return fields;
}

/** A JSON body: scalars and arrays of scalars; `attribute` may be an object of code → value(s). */
export function jsonFields(body: unknown): PostFields | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const fields = new Map<string, string[]>();
  const scalar = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);
  const put = (key: string, v: unknown): boolean => {
    const values = Array.isArray(v) ? v.map(scalar) : [scalar(v)];
    if (values.some((x) => x === null)) return false;
    fields.set(key, values as string[]);
    return true;
  };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (key === 'attribute' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) if (!put(`attribute[${code}]`, v)) return null;
    } else if (!put(key, value)) return null;
  }
  return fields;
}

function one(fields: PostFields, name: string): string | undefined {
  const v = fields.get(name)?.[0]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Everything of the intake input but the location, which may need the venue library first (see locatePlace). */
export type Open311Request = Omit<SubmitReportInput, 'location'>;

const open311RequestSchema = submitReportInput.omit({ location: true });

export interface Open311Submission {
  readonly apiKey: string | undefined;
  readonly input: Open311Request;
  /** The location in whichever of the spec's three forms was sent. */
  readonly place: IntakePlace;
  /** Sealed with the report; null files it anonymously. */
  readonly identity: { name: string; phone: string; email?: string } | null;
}

/**
 * A GeoReport v2 POST as the input of the one report intake (submitReport).
 * Only shape is checked here; blank descriptions, unusable locations and the
 * channel rules come back from the kernel as coded errors.
 *
 * What is dropped on purpose: device_id and account_id (identifiers that would
 * make an anonymous report linkable), and media_url (the server fetches no
 * URLs a client names; photos come through /uploads).
 */
export function readSubmission(fields: PostFields, idempotencyKey: string): { ok: true; value: Open311Submission } | { ok: false; error: Open311Failure } {
  const serviceCode = one(fields, 'service_code');
  if (!serviceCode) return { ok: false, error: OPEN311_ERRORS.serviceCodeMissing };
  if (!isRiskCategoryCode(serviceCode)) return { ok: false, error: OPEN311_ERRORS.serviceCodeUnknown };

  // lat and long, or address_string, or address_id: the kernel says which was sent and whether it is whole.
  const place = chooseIntakePlace({ lat: one(fields, 'lat'), long: one(fields, 'long'), addressString: one(fields, 'address_string'), addressId: one(fields, 'address_id') });
  if (!place.ok) return { ok: false, error: badRequest(place.error.code, place.error.message, place.error.messageZh) };

  const firstName = one(fields, 'first_name');
  const lastName = one(fields, 'last_name');
  const phone = one(fields, 'phone');
  const email = one(fields, 'email');
  let identity: Open311Submission['identity'] = null;
  if (firstName || lastName || phone || email) {
    // Chinese order: family name first.
    const contact = contactSchema.safeParse({ name: `${lastName ?? ''}${firstName ?? ''}`, phone: phone ?? '' });
    if (!contact.success) {
      return {
        ok: false,
        error: badRequest(
          'OPEN311.CONTACT_INCOMPLETE',
          'A named report needs a name (first_name/last_name) and a valid phone; send none of them to report anonymously',
          '实名举报须同时提供姓名（first_name/last_name）和有效电话；匿名举报请都不填',
        ),
      };
    }
    identity = { ...contact.data, ...(email ? { email: email.slice(0, 200) } : {}) };
  }

  const attachmentIds = (fields.get(`attribute[${ATTACHMENTS_ATTRIBUTE}]`) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

  if ((one(fields, 'address_string') ?? '').length > 300) {
    return { ok: false, error: badRequest('OPEN311.INVALID_FIELD', 'address_string is longer than 300 characters', 'address_string 超过 300 字') };
  }
  const parsed = open311RequestSchema.safeParse({
    idempotencyKey,
    riskCategory: serviceCode,
    description: one(fields, 'description') ?? '',
    ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const name = field.startsWith('attachmentIds') ? `attribute[${ATTACHMENTS_ATTRIBUTE}]` : field === 'description' ? 'description' : field;
    return { ok: false, error: badRequest('OPEN311.INVALID_FIELD', `${name} is invalid`, `${name} 填写有误`) };
  }
  return { ok: true, value: { apiKey: one(fields, 'api_key'), input: parsed.data, place: place.value, identity } };
}

/**
 * The integrator's own retry key (Idempotency-Key header), scoped to its API
 * key so two integrators can never collide; without one, each POST is new.
 */
export function open311IdempotencyKey(apiKeyId: string, header: string | undefined): string {
  const own = header?.trim();
  return own && /^[\x21-\x7e]{8,80}$/.test(own) ? `open311:${apiKeyId}:${own}` : `open311:${apiKeyId}:${randomUUID()}`;
}

const TRPC_STATUS: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** A coded refusal thrown by the intake use case (a DomainFailure, or a DbError) as an Open311 failure; anything else is not ours to describe. */
export function failureFromThrown(error: unknown): Open311Failure | null {
  const domain = error instanceof DomainFailure ? error.domain : isDomainErrorLike(error) ? error : null;
  if (!domain) return null;
  return { status: TRPC_STATUS[trpcCodeFor(domain.code)] ?? 400, code: domain.code, message: domain.message, messageZh: domain.messageZh };
}
