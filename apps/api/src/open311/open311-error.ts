/**
 * GeoReport v2 errors: a list of {code, description} where code is the HTTP
 * status. The description leads with our coded error (e.g. OPEN311.INVALID_API_KEY)
 * so integrators can match on it, then the Chinese and English text.
 */
export interface Open311ErrorItem {
  readonly code: number;
  readonly description: string;
}

export interface Open311Failure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly messageZh: string;
}

export function open311ErrorBody(f: Open311Failure): Open311ErrorItem[] {
  return [{ code: f.status, description: `${f.code}: ${f.messageZh} / ${f.message}` }];
}

export const OPEN311_ERRORS = {
  invalidApiKey: { status: 403, code: 'OPEN311.INVALID_API_KEY', message: 'Invalid or missing api_key', messageZh: 'api_key 无效或缺失' },
  serviceCodeMissing: { status: 400, code: 'OPEN311.SERVICE_CODE_REQUIRED', message: 'service_code was not provided', messageZh: '缺少 service_code' },
  serviceCodeUnknown: { status: 404, code: 'OPEN311.SERVICE_NOT_FOUND', message: 'service_code was not found', messageZh: '未找到该 service_code' },
  requestNotFound: { status: 404, code: 'OPEN311.REQUEST_NOT_FOUND', message: 'service_request_id was not found', messageZh: '未找到该服务请求' },
  tokenNotFound: {
    status: 404,
    code: 'OPEN311.TOKEN_NOT_FOUND',
    message: 'No such token: every service here is realtime, so POST answers with the service_request_id itself',
    messageZh: '不存在该 token：本系统所有服务均为实时受理，提交后直接返回 service_request_id',
  },
  notFound: { status: 404, code: 'OPEN311.NOT_FOUND', message: 'No such resource', messageZh: '资源不存在' },
  unsupportedFormat: { status: 404, code: 'OPEN311.UNSUPPORTED_FORMAT', message: 'Formats are json and xml', messageZh: '仅支持 json 与 xml 格式' },
  unsupportedMediaType: {
    status: 415,
    code: 'OPEN311.UNSUPPORTED_MEDIA_TYPE',
    message: 'Send application/x-www-form-urlencoded or application/json',
    messageZh: '请以 application/x-www-form-urlencoded 或 application/json 提交',
  },
  badRequest: { status: 400, code: 'OPEN311.BAD_REQUEST', message: 'The request could not be read', messageZh: '请求格式错误' },
  rateLimited: { status: 429, code: 'HTTP.RATE_LIMITED', message: 'Too many requests; please wait and try again', messageZh: '请求过于频繁，请稍后再试' },
  unavailable: { status: 503, code: 'SERVER.UNAVAILABLE', message: 'The database is not available', messageZh: '数据库暂不可用' },
  internal: { status: 500, code: 'SERVER.INTERNAL', message: 'Internal server error', messageZh: '服务器内部错误' },
} as const satisfies Record<string, Open311Failure>;

export function badRequest(code: string, message: string, messageZh: string): Open311Failure {
  return { status: 400, code, message, messageZh };
}
