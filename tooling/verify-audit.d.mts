export type AuditVerdict =
  | { ok: true; rows: number; sealed: number; unsealed: number; batches: number; head: { batch: number; hash: string } | null }
  | { ok: false; reason: string; seq: number | null; batch: number | null };

export function canonical(value: unknown): string;
export function verifyAudit(query: (text: string) => Promise<unknown[]>, options?: { anchor?: { batch: number; hash: string } }): Promise<AuditVerdict>;
