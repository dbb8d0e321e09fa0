import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RECEIPT_REFUSED_MESSAGE } from '@firebreak/api';

export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Per client (the keyed hash of its address) unless said otherwise. The tRPC
 * layer throttles receipt lookups and logins again per client inside the
 * procedures; these limits stop floods before any database work.
 */
export interface RateLimits {
  /** Filing a report or a whistleblower report through tRPC. */
  readonly reportSubmit: RateLimit;
  /** Anything that takes a receipt: the one secret an anonymous reporter holds, so the strictest. */
  readonly receiptLookup: RateLimit;
  /** Every other public tRPC procedure. */
  readonly publicTrpc: RateLimit;
  /** Open311 POST requests, per integrator key (a hotline files all its calls from one address). */
  readonly open311Post: RateLimit;
  readonly uploads: RateLimit;
}

const MINUTES = 60_000;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  reportSubmit: { max: 10, windowMs: 15 * MINUTES },
  receiptLookup: { max: 15, windowMs: 15 * MINUTES },
  publicTrpc: { max: 300, windowMs: 15 * MINUTES },
  open311Post: { max: 300, windowMs: 15 * MINUTES },
  uploads: { max: 40, windowMs: 15 * MINUTES },
};

export type TrpcLimitClass = 'reportSubmit' | 'receiptLookup' | 'publicTrpc';

/**
 * Procedures by limit class. A test checks every name against the router, so a
 * renamed procedure fails the build instead of silently losing its limit.
 */
export const RECEIPT_PROCEDURES: readonly string[] = [
  'public.reports.track',
  'public.reports.sendMessage',
  'public.reports.addFiles',
  'public.rewards.status',
  'public.rewards.claim',
  'whistleblower.track',
  'whistleblower.sendMessage',
  'whistleblower.addFiles',
  'whistleblower.claim',
];
export const SUBMIT_PROCEDURES: readonly string[] = ['public.reports.submit', 'whistleblower.submit'];
/** Namespaces anyone may call without signing in. */
export const PUBLIC_NAMESPACES = ['public', 'whistleblower'] as const;

export function classifyProcedure(name: string): TrpcLimitClass | null {
  if (RECEIPT_PROCEDURES.includes(name)) return 'receiptLookup';
  if (SUBMIT_PROCEDURES.includes(name)) return 'reportSubmit';
  const namespace = name.split('.')[0] ?? '';
  return (PUBLIC_NAMESPACES as readonly string[]).includes(namespace) ? 'publicTrpc' : null;
}

/** The route the tRPC fastify adapter registers: the procedure path is its `:path` parameter. */
export const TRPC_ROUTE = '/trpc/:path';

/**
 * The procedure names tRPC will dispatch for this request, derived exactly as
 * the adapter does: fastify's router parameter (the router already cut the
 * path at `?`, `#` and `;` and decoded it), decoded once more by tRPC, split on
 * commas only for a batch (`batch=1` in the query tRPC's URL parser sees; a
 * `?batch=1` after a `#` is fragment, not query). Reading the raw URL instead
 * let `submit#x` through under another name while tRPC still ran `submit`.
 * `null` when tRPC will answer without running any procedure (undecodable path).
 */
export function trpcProcedureCall(routeParam: string, rawUrl: string): { names: string[]; batch: boolean } | null {
  let path: string;
  try {
    path = decodeURIComponent(routeParam);
  } catch {
    return null;
  }
  let batch = false;
  try {
    batch = new URL(rawUrl, 'http://localhost').searchParams.get('batch') === '1';
  } catch {
    batch = false;
  }
  return { names: batch ? path.split(',') : [path], batch };
}

/** Names for a request routed to tRPC; [] for anything else. */
export function trpcProcedureNamesOf(request: FastifyRequest): string[] {
  if (request.routeOptions.url !== TRPC_ROUTE) return [];
  const param = (request.params as { path?: unknown } | undefined)?.path;
  if (typeof param !== 'string') return [];
  return trpcProcedureCall(param, request.raw.url ?? request.url)?.names ?? [];
}

export const RATE_LIMITED = {
  code: 'HTTP.RATE_LIMITED',
  message: 'Too many requests; please wait and try again',
  messageZh: '请求过于频繁，请稍后再试',
} as const;

/** The thrown error @fastify/rate-limit hands to each scope's error handler. */
export class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = RATE_LIMITED.code;
  constructor(readonly retryAfterSeconds: number) {
    super(RATE_LIMITED.message);
    this.name = 'RateLimitedError';
  }
}

export function rateLimitedErrorBuilder(_request: FastifyRequest, context: { ttl: number }): RateLimitedError {
  return new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000)));
}

/**
 * tRPC serves every procedure through one route, so route-level limits cannot
 * tell a receipt lookup from a health check. This hook reads the procedure
 * names from the path and charges each to its class; the answer to an
 * exceeded limit has the shape a tRPC client reads as a TOO_MANY_REQUESTS error.
 */
export function addTrpcRateLimits(app: FastifyInstance, limits: RateLimits, keyGenerator: (request: FastifyRequest) => string): void {
  const checkers = {
    reportSubmit: app.createRateLimit({ max: limits.reportSubmit.max, timeWindow: limits.reportSubmit.windowMs, keyGenerator }),
    receiptLookup: app.createRateLimit({ max: limits.receiptLookup.max, timeWindow: limits.receiptLookup.windowMs, keyGenerator }),
    publicTrpc: app.createRateLimit({ max: limits.publicTrpc.max, timeWindow: limits.publicTrpc.windowMs, keyGenerator }),
  } as const;

  app.addHook('onRequest', async (request, reply) => {
    const names = trpcProcedureNamesOf(request);
    for (const name of names) {
      const cls = classifyProcedure(name);
      if (!cls) continue;
      const verdict = await checkers[cls](request);
      // isAllowed is true only for allow-listed keys; the count decides through isExceeded.
      if (!verdict.isAllowed && verdict.isExceeded) return sendTrpcRateLimited(reply, request.raw.url ?? request.url, names, verdict.ttlInSeconds, cls === 'receiptLookup');
    }
    return undefined;
  });
}

function sendTrpcRateLimited(reply: FastifyReply, url: string, names: readonly string[], retryAfterSeconds: number, receiptLookup: boolean): FastifyReply {
  const zh = !/^en\b/i.test(String(reply.request.headers['accept-language'] ?? ''));
  // A throttled receipt lookup reads exactly as a wrong receipt: the words tell a guesser nothing.
  const words = receiptLookup ? { ...RATE_LIMITED, ...RECEIPT_REFUSED_MESSAGE } : RATE_LIMITED;
  const error = (path: string) => ({
    error: {
      message: zh ? words.messageZh : words.message,
      code: -32029,
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, path, domain: { ...words }, zodError: null, fieldErrors: null },
    },
  });
  let batch = false;
  try {
    batch = new URL(url, 'http://localhost').searchParams.get('batch') === '1';
  } catch {
    batch = false;
  }
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, retryAfterSeconds)))
    .header('cache-control', 'no-store')
    .send(batch ? names.map(error) : error(names[0] ?? ''));
}
