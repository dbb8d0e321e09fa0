import { describe, expect, it } from 'vitest';
import { blacklistStanding, checkBlacklistProposal, type BlacklistMeasure } from './blacklist-standing';

const d = (iso: string) => new Date(iso);
const entry = (status: string, at: string | null): BlacklistMeasure => ({ kind: 'blacklist_entry', status, decidedAt: at ? d(at) : null });
const exit = (status: string, at: string | null): BlacklistMeasure => ({ kind: 'blacklist_exit', status, decidedAt: at ? d(at) : null });

describe('blacklistStanding', () => {
  it('is listed from the last decided entry, off the list after a decided exit, whatever the order', () => {
    expect(blacklistStanding([])).toEqual({ listed: false, enteredAt: null, pending: null });
    expect(blacklistStanding([entry('executed', '2025-01-01T00:00:00Z')])).toMatchObject({ listed: true, enteredAt: d('2025-01-01T00:00:00Z') });
    expect(blacklistStanding([exit('closed', '2026-02-01T00:00:00Z'), entry('closed', '2025-01-01T00:00:00Z')]).listed).toBe(false);
    const again = blacklistStanding([entry('closed', '2025-01-01T00:00:00Z'), exit('closed', '2026-02-01T00:00:00Z'), entry('decided', '2026-05-01T00:00:00Z')]);
    expect(again).toMatchObject({ listed: true, enteredAt: d('2026-05-01T00:00:00Z') });
  });

  it('ignores proposals, rejections and withdrawals for standing but reports a pending one', () => {
    const s = blacklistStanding([entry('rejected', null), entry('withdrawn', null), exit('proposed', null), entry('decided', '2025-01-01T00:00:00Z')]);
    expect(s).toMatchObject({ listed: true, pending: 'blacklist_exit' });
  });
});

describe('checkBlacklistProposal', () => {
  const basis = { article: 60 };
  const off = blacklistStanding([]);
  const on = blacklistStanding([entry('executed', '2025-01-01T00:00:00Z')]);
  const code = (r: ReturnType<typeof checkBlacklistProposal>) => (r.ok ? null : r.error.code);

  it('enters an unlisted unit only with a legal basis', () => {
    expect(code(checkBlacklistProposal('blacklist_entry', off, basis))).toBeNull();
    expect(code(checkBlacklistProposal('blacklist_entry', off, undefined))).toBe('ENFORCEMENT.BLACKLIST_BASIS_REQUIRED');
    expect(code(checkBlacklistProposal('blacklist_entry', on, basis))).toBe('ENFORCEMENT.BLACKLIST_ALREADY_LISTED');
  });

  it('takes a listed unit off from its entry date, and one proposal at a time', () => {
    const r = checkBlacklistProposal('blacklist_exit', on, undefined);
    expect(r.ok && r.value.enteredAt).toEqual(d('2025-01-01T00:00:00Z'));
    expect(code(checkBlacklistProposal('blacklist_exit', off, undefined))).toBe('ENFORCEMENT.BLACKLIST_NOT_LISTED');
    expect(code(checkBlacklistProposal('blacklist_entry', blacklistStanding([entry('proposed', null)]), basis))).toBe('ENFORCEMENT.BLACKLIST_PROPOSAL_PENDING');
  });
});
