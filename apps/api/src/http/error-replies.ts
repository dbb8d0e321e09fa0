import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { trpcProcedureCall } from './rate-limits';

export interface CodedHttpError {
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
}

/**
 * What fastify itself refuses before any route runs (a content type nobody
 * parses, a body over the limit, malformed JSON for a route that parses it), by
 * status: a stable code and both languages, as every other error a client sees.
 */
const BY_STATUS: Readonly<Record<number, CodedHttpError>> = {
  400: { code: 'REQUEST.INVALID', message: 'The request is not valid', messageZh: '请求格式不正确' },
  404: { code: 'REQUEST.NOT_FOUND', message: 'Not found', messageZh: '未找到该资源' },
  405: { code: 'REQUEST.WRONG_METHOD', message: 'This HTTP method is not allowed here', messageZh: '不支持此请求方法' },
  413: { code: 'REQUEST.TOO_LARGE', message: 'The request is too large', messageZh: '请求内容过大' },
  415: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'Send the request as application/json', messageZh: '请以 application/json 格式提交' },
  429: { code: 'HTTP.RATE_LIMITED', message: 'Too many requests; please wait and try again', messageZh: '请求过于频繁，请稍后再试' },
};
const INTERNAL: CodedHttpError = { code: 'SERVER.INTERNAL', message: 'Internal server error', messageZh: '服务器内部错误' };

/** JSON-RPC error numbers tRPC clients read, by HTTP status. */
const JSONRPC: Readonly<Record<number, [number, string]>> = {
  400: [-32600, 'BAD_REQUEST'],
  401: [-32001, 'UNAUTHORIZED'],
  403: [-32003, 'FORBIDDEN'],
  404: [-32004, 'NOT_FOUND'],
  405: [-32005, 'METHOD_NOT_SUPPORTED'],
  413: [-32413, 'PAYLOAD_TOO_LARGE'],
  415: [-32415, 'UNSUPPORTED_MEDIA_TYPE'],
  429: [-32029, 'TOO_MANY_REQUESTS'],
  500: [-32603, 'INTERNAL_SERVER_ERROR'],
};

export function prefersEnglish(request: FastifyRequest): boolean {
  const raw: unknown = request.headers['accept-language'];
  const header = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  const first: string = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

export function codedErrorFor(status: number): CodedHttpError {
  return status >= 500 ? INTERNAL : (BY_STATUS[status] ?? BY_STATUS[400]!);
}

/**
 * The tRPC error envelope (one per batched call), so a tRPC client shows the
 * message and code of an error raised before tRPC ran.
 */
export function trpcErrorBody(request: FastifyRequest, status: number, coded: CodedHttpError): unknown {
  const [jsonRpc, trpcCode] = JSONRPC[status] ?? JSONRPC[status >= 500 ? 500 : 400]!;
  const param = (request.params as { path?: unknown } | undefined)?.path;
  const call = typeof param === 'string' ? trpcProcedureCall(param, request.raw.url ?? request.url) : null;
  const names = call?.names ?? [''];
  const one = (path: string) => ({
    error: {
      message: prefersEnglish(request) ? coded.message : coded.messageZh,
      code: jsonRpc,
      data: { code: trpcCode, httpStatus: status, path, domain: { ...coded }, zodError: null, fieldErrors: null },
    },
  });
  return call?.batch ? names.map(one) : one(names[0] ?? '');
}

/** Root error handler: coded, in the caller's language, never a stack or an internal message. */
export function replyWithCodedError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  const coded = codedErrorFor(status);
  if ('retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number') reply.header('retry-after', String(error.retryAfterSeconds));
  if (request.url.startsWith('/trpc/')) return reply.code(status).header('cache-control', 'no-store').send(trpcErrorBody(request, status, coded));
  // GeoReport v2's error list, for what fastify refuses before an Open311 route runs (an undecodable URL).
  if (request.url.startsWith('/open311/')) return reply.code(status).send([{ code: status, description: `${coded.code}: ${coded.messageZh} / ${coded.message}` }]);
  return reply
    .code(status)
    .send({ statusCode: status, code: coded.code, error: coded.code, message: prefersEnglish(request) ? coded.message : coded.messageZh });
}

/**
 * No procedure takes anything but JSON (files go to /uploads), yet the tRPC
 * adapter accepts multipart and hands the raw stream on, which failed as a 500.
 * A write with another declared content type is refused before any parsing.
 */
export function isRefusedTrpcContentType(method: string, contentType: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || contentType === undefined || contentType.trim() === '') return false;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media !== 'application/json';
}
