export { hashRequest, purgeIdempotencyKeys, withIdempotencyKey, type IdempotentOutcome } from './with-idempotency-key';
