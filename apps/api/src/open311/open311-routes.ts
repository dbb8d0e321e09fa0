import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeFrom, submitReport, type Clock, type Locale, type Services } from '@firebreak/api';
import { findActiveApiKey, listFireAgencies, listOpen311Reports, loadLifecycle, touchApiKey, type Db } from '@firebreak/db';
import { agencyResolver, findUnstorableInput, open311PublicRequests, open311Request, type Open311PublicRequest, type ReportState } from '@firebreak/domain';
// packages/api does not re-export the intake service from its index yet (see the report to the lead).
import { RateLimitedError, rateLimitedErrorBuilder, type RateLimit } from '../http/rate-limits';
import { open311Discovery } from './discovery';
import { locatePlace } from './locate-place';
import { badRequest, OPEN311_ERRORS, open311ErrorBody, type Open311Failure } from './open311-error';
import { failureFromThrown, jsonFields, open311IdempotencyKey, parseFormFields, readSubmission, type PostFields } from './post-request';
import { parseRequestsQuery, type RequestsQuery } from './requests-query';
import { open311ServiceDefinition, open311Services } from './services';
import { toXml, type XmlValue } from './xml';

export const OPEN311_PREFIX = '/open311/v2';

export interface Open311RoutesOptions {
  readonly db: Db | null;
  readonly services: Services | null;
  readonly clock: Clock;
  readonly rateLimit: RateLimit;
  /** The per-client key, for POSTs that arrive without an api_key. */
  readonly clientKey: (request: FastifyRequest) => string;
  readonly deployment?: 'production' | 'test';
}

/** A request as GeoReport v2 returns it: the kernel's projection plus the two address fields we do not keep. */
export type Open311RequestBody = Open311PublicRequest;

/** The POST answer. The receipt is not in it: see postRequest. */
export interface Open311Created {
  readonly service_request_id: string;
  readonly service_notice: string | null;
  readonly account_id: null;
}

type Format = 'json' | 'xml';

/** `requests.json` → ['requests', 'json']; anything else (no or unknown extension) → null. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

/** Where the spec names an XML root: lists under the plural, objects under their own name. */
function send(reply: FastifyReply, format: Format, root: string, body: XmlValue, status = 200): FastifyReply {
  reply.code(status).header('cache-control', 'no-store');
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, body));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function fail(reply: FastifyReply, format: Format, failure: Open311Failure): FastifyReply {
  return send(reply, format, 'errors', open311ErrorBody(failure), failure.status);
}

function formatOf(url: string): Format {
  return /\.xml(\?|$)/.test(url) ? 'xml' : 'json';
}

function bodyFields(request: FastifyRequest): PostFields | null {
  return request.body instanceof Map ? (request.body as PostFields) : jsonFields(request.body);
}

/** The key may come in the body (as in the spec's example) or in the query string. */
function sentApiKey(request: FastifyRequest): string | undefined {
  const fromBody = bodyFields(request)?.get('api_key')?.[0];
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.api_key;
  const key = fromBody ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
  return key && key.length <= 200 ? key : undefined;
}

/** sha256 hex of the key as sent: how api_keys stores it. */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Kept for callers of this module; the resolver is the kernel's. */
export { agencyResolver };

/**
 * Register with `{ prefix: OPEN311_PREFIX }`.
 *
 * Open311 GeoReport v2 for hotline systems (12345, 96119) and third-party
 * apps. Reads are public and show only the kernel's Open311 projection of
 * reports that may be public at all (never a whistleblower's). Writes need an
 * integrator key and go through the same intake as the portal.
 */
export async function open311Routes(app: FastifyInstance, opts: Open311RoutesOptions): Promise<void> {
  const { db, services, clock } = opts;

  // GeoReport v2 POSTs are form-encoded; fastify parses JSON itself.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, parseFormFields(String(body)));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const format = formatOf(request.url);
    if (error instanceof RateLimitedError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return fail(reply, format, OPEN311_ERRORS.rateLimited);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return fail(reply, format, OPEN311_ERRORS.unsupportedMediaType);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return fail(reply, format, { ...OPEN311_ERRORS.badRequest, status: error.statusCode });
    }
    request.log.error({ err: error }, 'open311 request failed');
    return fail(reply, format, OPEN311_ERRORS.internal);
  });

  // Text PostgreSQL cannot store (NUL, lone surrogates) in any parameter or field: a coded 400, as on tRPC.
  app.addHook('preValidation', async (request, reply) => {
    const body = request.body instanceof Map ? Object.fromEntries(request.body as PostFields) : request.body;
    const problem = findUnstorableInput(request.query) ?? findUnstorableInput(body);
    if (problem) return fail(reply, formatOf(request.url), badRequest(problem.error.code, problem.error.message, problem.error.messageZh));
    return undefined;
  });

  app.setNotFoundHandler((request, reply) => fail(reply, formatOf(request.url), OPEN311_ERRORS.notFound));
  // Deeper unknown paths would otherwise reach the front ends' static wildcard and its HTML-world 404.
  app.all('/*', (request, reply) => fail(reply, formatOf(request.url), OPEN311_ERRORS.notFound));

  const needDb = (reply: FastifyReply, format: Format): { db: Db; services: Services } | null => {
    if (db && services) return { db, services };
    fail(reply, format, OPEN311_ERRORS.unavailable);
    return null;
  };

  const project = async (database: Db, svc: Services, states: readonly ReportState[], locale: Locale): Promise<Open311RequestBody[]> => {
    const { tree } = await svc.reference.get(database);
    return open311PublicRequests(states, { tree, agencies: await listFireAgencies(database), locale });
  };

  app.get<{ Params: { file: string } }>('/:file', async (request, reply) => {
    const file = splitFormat(request.params.file);
    if (!file) return fail(reply, formatOf(request.url), OPEN311_ERRORS.unsupportedFormat);
    const locale = localeFrom(request.headers);
    switch (file.name) {
      case 'discovery':
        return send(reply, file.format, 'discovery', open311Discovery(`${request.protocol}://${request.host}${OPEN311_PREFIX}/`, opts.deployment ?? 'production'));
      case 'services':
        return send(reply, file.format, 'services', open311Services(locale));
      case 'requests': {
        const ready = needDb(reply, file.format);
        if (!ready) return reply;
        const filter = parseRequestsQuery(request.query as RequestsQuery, clock());
        if (!filter.ok) return fail(reply, file.format, filter.error);
        const states = (await listOpen311Reports(ready.db, filter.value)) as unknown as ReportState[];
        return send(reply, file.format, 'service_requests', (await project(ready.db, ready.services, states, locale)));
      }
      default:
        return fail(reply, file.format, OPEN311_ERRORS.notFound);
    }
  });

  app.get<{ Params: { file: string } }>('/services/:file', async (request, reply) => {
    const file = splitFormat(request.params.file);
    if (!file) return fail(reply, formatOf(request.url), OPEN311_ERRORS.unsupportedFormat);
    const definition = open311ServiceDefinition(file.name, localeFrom(request.headers));
    if (!definition) return fail(reply, file.format, OPEN311_ERRORS.serviceCodeUnknown);
    return send(reply, file.format, 'service_definition', definition);
  });

  app.get<{ Params: { file: string } }>('/requests/:file', async (request, reply) => {
    const file = splitFormat(request.params.file);
    if (!file) return fail(reply, formatOf(request.url), OPEN311_ERRORS.unsupportedFormat);
    const ready = needDb(reply, file.format);
    if (!ready) return reply;
    const filter = parseRequestsQuery({ service_request_id: file.name }, clock());
    // A malformed id and a whistleblower's report answer exactly like an unknown one.
    if (!filter.ok) return fail(reply, file.format, OPEN311_ERRORS.requestNotFound);
    const states = (await listOpen311Reports(ready.db, filter.value)) as unknown as ReportState[];
    const found = await project(ready.db, ready.services, states, localeFrom(request.headers));
    if (found.length === 0) return fail(reply, file.format, OPEN311_ERRORS.requestNotFound);
    return send(reply, file.format, 'service_requests', found);
  });

  /**
   * Every service is realtime, so no token is ever issued and none can be
   * looked up. Above all a receipt is not a token: answering for one here
   * would be an unthrottled way to test receipts.
   */
  app.get<{ Params: { file: string } }>('/tokens/:file', async (request, reply) => {
    const file = splitFormat(request.params.file);
    return fail(reply, file?.format ?? formatOf(request.url), OPEN311_ERRORS.tokenNotFound);
  });

  app.post<{ Params: { file: string } }>(
    '/:file',
    {
      bodyLimit: 64 * 1024,
      config: {
        rateLimit: {
          max: opts.rateLimit.max,
          timeWindow: opts.rateLimit.windowMs,
          // After parsing, so the key in the body can be read: a hotline files every call it takes from one address.
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => {
            const key = sentApiKey(request);
            return key ? `key:${apiKeyHash(key).slice(0, 32)}` : `client:${opts.clientKey(request)}`;
          },
          errorResponseBuilder: rateLimitedErrorBuilder,
        },
      },
    },
    async (request, reply) => {
      const file = splitFormat(request.params.file);
      if (!file || file.name !== 'requests') return fail(reply, file?.format ?? formatOf(request.url), OPEN311_ERRORS.notFound);
      const ready = needDb(reply, file.format);
      if (!ready) return reply;
      return postRequest(ready.db, ready.services, request, reply, file.format);
    },
  );

  /**
   * POST requests: the report is filed through submitReport on the open311
   * channel. The answer carries the service_request_id (the service is
   * realtime) and the kernel's service_notice, never the receipt: an
   * integrator is not the reporter, and a receipt in a hotline vendor's
   * database or logs would let anyone there read the reporter's case and
   * messages. Status is public through GET requests/{id}; a reporter who wants
   * the receipt-holder's channel files through the portal.
   */
  async function postRequest(database: Db, svc: Services, request: FastifyRequest, reply: FastifyReply, format: Format) {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded' && type !== 'application/json') return fail(reply, format, OPEN311_ERRORS.unsupportedMediaType);
    const fields = bodyFields(request);
    if (!fields) return fail(reply, format, OPEN311_ERRORS.badRequest);
    const sentKey = sentApiKey(request);
    const key = sentKey ? await findActiveApiKey(database, apiKeyHash(sentKey)) : null;
    if (!key) return fail(reply, format, OPEN311_ERRORS.invalidApiKey);

    const idempotency = request.headers['idempotency-key'];
    const submission = readSubmission(fields, open311IdempotencyKey(key.id, typeof idempotency === 'string' ? idempotency : undefined));
    if (!submission.ok) return fail(reply, format, submission.error);
    const located = await locatePlace(database, submission.value.input, submission.value.place);
    if (!located.ok) return fail(reply, format, located.error);

    let reportId: string;
    try {
      const result = await submitReport({ db: database, services: svc, clock }, located.input, {
        channel: 'open311',
        apiKeyId: key.id,
        identity: submission.value.identity,
      });
      reportId = result.reportId;
    } catch (error) {
      const failure = failureFromThrown(error);
      if (!failure) throw error;
      return fail(reply, format, failure);
    }
    await touchApiKey(database, key.id, clock());
    const created = await loadLifecycle<ReportState>(database, 'report', reportId);
    const body: Open311Created[] = [
      {
        service_request_id: reportId,
        service_notice: open311Request(created.state, { locale: localeFrom(request.headers) }).service_notice,
        account_id: null,
      },
    ];
    return send(reply, format, 'service_requests', body, 201);
  }
}
