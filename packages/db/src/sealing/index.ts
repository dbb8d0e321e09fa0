export { createSealer, generateSealingKey, sealingKeyId, type Sealer, type SealerOptions } from './sealer';
export { loadOrCreateDevKey } from './dev-key';
export { normaliseReceipt, receiptLookupHash } from './receipt-hash';
