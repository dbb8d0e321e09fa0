export { createClientKeyer, type ClientKeyer } from './client-key';
export { createHttpBridge, isSecureRequest, SESSION_COOKIE_SAME_SITE, type CookiePolicy } from './http-bridge';
export {
  addTrpcRateLimits,
  classifyProcedure,
  DEFAULT_RATE_LIMITS,
  PUBLIC_NAMESPACES,
  RATE_LIMITED,
  RateLimitedError,
  rateLimitedErrorBuilder,
  RECEIPT_PROCEDURES,
  SUBMIT_PROCEDURES,
  TRPC_ROUTE,
  trpcProcedureCall,
  trpcProcedureNamesOf,
  type RateLimit,
  type RateLimits,
  type TrpcLimitClass,
} from './rate-limits';
