import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { DomainError } from '@firebreak/domain';

/**
 * Errors tRPC raises itself, before any procedure runs (an unreadable body, a
 * wrong method or content type, an unknown procedure): a stable code and a
 * message in both languages, like every other error a client sees. Without this
 * a Chinese user got tRPC's English text ("Unexpected token N in JSON").
 */
const TRANSPORT: Partial<Record<TRPC_ERROR_CODE_KEY, DomainError>> = {
  PARSE_ERROR: { code: 'REQUEST.UNREADABLE', message: 'The request could not be read (malformed JSON)', messageZh: '请求无法解析（JSON 格式错误）' },
  BAD_REQUEST: { code: 'REQUEST.INVALID', message: 'The request is not valid', messageZh: '请求格式不正确' },
  NOT_FOUND: { code: 'REQUEST.NO_SUCH_PROCEDURE', message: 'No such operation', messageZh: '不存在该操作' },
  METHOD_NOT_SUPPORTED: { code: 'REQUEST.WRONG_METHOD', message: 'This operation does not accept this HTTP method', messageZh: '该操作不支持此请求方法' },
  UNSUPPORTED_MEDIA_TYPE: {
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the request as application/json',
    messageZh: '请以 application/json 格式提交',
  },
  PAYLOAD_TOO_LARGE: { code: 'REQUEST.TOO_LARGE', message: 'The request is too large', messageZh: '请求内容过大' },
  UNAUTHORIZED: { code: 'AUTH.UNAUTHENTICATED', message: 'Please sign in', messageZh: '请先登录' },
  FORBIDDEN: { code: 'AUTH.FORBIDDEN', message: 'You may not do this', messageZh: '无权执行此操作' },
  TOO_MANY_REQUESTS: { code: 'HTTP.RATE_LIMITED', message: 'Too many requests; please wait and try again', messageZh: '请求过于频繁，请稍后再试' },
  CONFLICT: { code: 'REQUEST.CONFLICT', message: 'The request conflicts with the current state', messageZh: '请求与当前状态冲突' },
};

/** The coded, bilingual form of an error tRPC raised without a domain error; null for server faults. */
export function transportError(code: TRPC_ERROR_CODE_KEY): DomainError | null {
  return TRANSPORT[code] ?? null;
}
