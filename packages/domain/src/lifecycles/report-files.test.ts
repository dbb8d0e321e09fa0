import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from './report';
import { MAX_REPORT_FILES, checkReporterFiles } from './report-files';

describe('checkReporterFiles: what a reporter may add by the receipt', () => {
  it('accepts files while the report is open', () => {
    for (const status of ['submitted', 'accepted', 'verifying', 'substantiated', 'unfounded'] as const) {
      expect(checkReporterFiles({ status, filesNow: 2, adding: 3 })).toEqual({ ok: true, value: { total: 5 } });
    }
  });

  it('refuses once the report is rejected or answered', () => {
    for (const status of ['rejected', 'replied'] as const) {
      const r = checkReporterFiles({ status, filesNow: 0, adding: 1 });
      expect(r.ok ? null : r.error.code).toBe('REPORT.CLOSED_FOR_FILES');
    }
  });

  it('refuses past the limit in all and accepts exactly at it', () => {
    expect(checkReporterFiles({ status: 'submitted', filesNow: MAX_REPORT_FILES - 1, adding: 1 }).ok).toBe(true);
    const over = checkReporterFiles({ status: 'submitted', filesNow: MAX_REPORT_FILES - 1, adding: 2 });
    expect(over.ok ? null : over.error).toMatchObject({ code: 'REPORT.TOO_MANY_FILES', messageZh: `每条举报最多${MAX_REPORT_FILES}份材料（已有${MAX_REPORT_FILES - 1}份）` });
  });

  it('refuses an empty addition', () => {
    const r = checkReporterFiles({ status: 'submitted', filesNow: 0, adding: 0 });
    expect(r.ok ? null : r.error.code).toBe('REPORT.FILES_REQUIRED');
  });

  it('decides every status of the lifecycle', () => {
    for (const status of REPORT_STATUSES) expect(typeof checkReporterFiles({ status, filesNow: 0, adding: 1 }).ok).toBe('boolean');
  });
});
