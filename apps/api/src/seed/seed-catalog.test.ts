import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAYS_2026, createWorkingCalendar, DEFAULT_CALENDAR_CONFIG, DEFAULT_STANDARDS, type CheckItem } from '@firebreak/domain';
import { calendarRows, checkItemRow } from './seed-catalog';

describe('checkItemRow', () => {
  const all: CheckItem[] = DEFAULT_STANDARDS.flatMap((s) => [...s.items]);
  const item = (pred: (i: CheckItem) => boolean) => {
    const found = all.find(pred);
    if (!found) throw new Error('no such item in the defaults');
    return found;
  };

  it('keeps code, texts, risk category and the legal basis as written on a notice', () => {
    const i = all[0]!;
    const row = checkItemRow(i);
    expect(row).toMatchObject({ code: i.id, textZh: i.text.zh, textEn: i.text.en, riskCategory: i.riskCategory });
    expect(row.legalBasis).toContain(i.basis[0]!.law);
  });

  it('maps the three kernel severities onto the two the table allows', () => {
    expect(checkItemRow(item((i) => i.severity === 'major_candidate')).defaultSeverity).toBe('major');
    expect(checkItemRow(item((i) => i.severity === 'general')).defaultSeverity).toBe('general');
  });

  it('writes an immediate correction as 0 days and keeps working-day deadlines', () => {
    expect(checkItemRow(item((i) => i.deadline.kind === 'immediate')).defaultDeadlineDays).toBe(0);
    const days = item((i) => i.deadline.kind === 'working_days');
    expect(checkItemRow(days).defaultDeadlineDays).toBe(days.deadline.kind === 'working_days' ? days.deadline.n : -1);
  });

  it('joins several GB 35181 elements and leaves none as null', () => {
    const withElements = item((i) => (i.gbElements?.length ?? 0) > 0);
    expect(checkItemRow(withElements).gbElement).toBe(withElements.gbElements!.join(','));
    expect(checkItemRow(item((i) => !i.gbElements || i.gbElements.length === 0)).gbElement).toBeNull();
  });
});

describe('calendarRows', () => {
  const rows = calendarRows();

  it('holds exactly the kernel default calendar, one row per date', () => {
    expect(rows.filter((r) => r.kind === 'holiday').map((r) => r.date).sort()).toEqual([...new Set(DEFAULT_CALENDAR_CONFIG.holidays)].sort());
    expect(rows.filter((r) => r.kind === 'workday').map((r) => r.date).sort()).toEqual([...new Set(DEFAULT_CALENDAR_CONFIG.adjustedWorkdays)].sort());
    expect(new Set(rows.map((r) => r.date)).size).toBe(rows.length);
  });

  it('names the festival of each day, and rebuilds the same working calendar', () => {
    expect(rows.find((r) => r.date === '2026-02-17')?.name).toBe('春节');
    expect(rows.find((r) => r.date === CHINA_HOLIDAYS_2026.adjustedWorkdays[0])?.name).toMatch(/调休上班$/);
    const rebuilt = createWorkingCalendar({
      holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
      adjustedWorkdays: rows.filter((r) => r.kind === 'workday').map((r) => r.date),
    });
    const kernel = createWorkingCalendar(DEFAULT_CALENDAR_CONFIG);
    for (let d = Date.parse('2025-01-01T04:00:00Z'); d < Date.parse('2027-01-01T00:00:00Z'); d += 86_400_000) {
      expect(rebuilt.isWorkingDay(new Date(d))).toBe(kernel.isWorkingDay(new Date(d)));
    }
  });
});
