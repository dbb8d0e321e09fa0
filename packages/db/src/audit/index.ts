export { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';
export { appendAudit, auditHead, type AuditEntry, type AuditRecord } from './append-audit';
export {
  verifyAuditChain,
  type AuditBreakReason,
  type AuditChainVerdict,
  type VerifyAuditChainOptions,
} from './verify-audit-chain';
