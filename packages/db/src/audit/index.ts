export { auditBatchHash, auditEntryHash, auditHash, auditLeafData, GENESIS_HASH, type AuditBatchContent, type AuditContent, type AuditEntryContent } from './audit-hash';
export { appendAudit, auditHead, type AuditEntry, type AuditRecord } from './append-audit';
export { merkleInclusionProof, merkleLeafHash, merkleRoot, verifyMerkleInclusion } from './merkle';
export { auditSealLag, runSealer, startAuditSealer, type AuditSealerLoop, type RunSealerOptions, type SealResult } from './run-sealer';
export { auditInclusionProof, type AuditInclusionProof } from './inclusion-proof';
export {
  verifyAuditChain,
  type AuditBreakReason,
  type AuditChainVerdict,
  type VerifyAuditChainOptions,
} from './verify-audit-chain';
