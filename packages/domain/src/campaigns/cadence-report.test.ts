import { describe, expect, it } from 'vitest';
import { cadencePeriod, cadencePeriodName } from './cadence-period';
import { buildCadenceReport, cadenceIssueNumber, compareCodes, issueCadenceReport, type CadenceInput } from './cadence-report';

const period = (kind: Parameters<typeof cadencePeriod>[0], on: string) => {
  const r = cadencePeriod(kind, on);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('cadencePeriod', () => {
  it('weeks run Monday to Sunday, half months split at the 15th, quarters by calendar', () => {
    expect(period('weekly_analysis', '2026-03-11')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(period('weekly_analysis', '2026-03-15')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(period('weekly_analysis', '2026-03-16')).toEqual({ from: '2026-03-16', to: '2026-03-22' });
    expect(period('semimonthly_summary', '2026-02-15')).toEqual({ from: '2026-02-01', to: '2026-02-15' });
    expect(period('semimonthly_summary', '2026-02-16')).toEqual({ from: '2026-02-16', to: '2026-02-28' });
    expect(period('monthly_dispatch', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(period('quarterly_report', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(cadencePeriodName('quarterly_report', period('quarterly_report', '2026-05-02'))).toBe('2026年第二季度');
    expect(cadencePeriodName('semimonthly_summary', period('semimonthly_summary', '2026-03-20'))).toBe('2026年3月下半月');
  });

  it('refuses a date that is not on the calendar', () => {
    expect(cadencePeriod('monthly_dispatch', '2026-02-30')).toMatchObject({ ok: false, error: { code: 'CADENCE_REPORT.INVALID_DATE' } });
  });
});

const input = (): CadenceInput => ({
  kind: 'weekly_analysis',
  period: { from: '2026-03-09', to: '2026-03-15' },
  now: new Date('2026-03-20T02:00:00Z'),
  campaign: { name: '电动自行车专项整治' },
  tasks: [
    { id: 'a', parentId: null, code: '1', title: '排查', status: 'in_progress', deadline: null, leadDepartmentName: null, reports: [] },
    { id: 'b', parentId: 'a', code: '1.1', title: '小区排查', status: 'completed', deadline: '2026-04-01T00:00:00Z', leadDepartmentName: '教育局', reports: [{ figures: { unitsInspected: 10 }, summary: '第一轮', at: '2026-03-05T02:00:00Z' }, { figures: { unitsInspected: 15 }, summary: '补充', at: '2026-03-10T02:00:00Z' }] },
    { id: 'c', parentId: 'a', code: '1.2', title: '群租房', status: 'in_progress', deadline: '2026-03-12T00:00:00Z', leadDepartmentName: '住建局', reports: [{ figures: { unitsInspected: 4, peopleTrained: 30 }, summary: '进行中', at: '2026-03-16T02:00:00Z' }] },
    { id: 'd', parentId: null, code: '10', title: '宣传', status: 'assigned', deadline: '2026-03-30T00:00:00Z', leadDepartmentName: '宣传部', reports: [] },
  ],
  hazards: [
    { createdAt: '2026-03-10T01:00:00Z', closedAt: '2026-03-14T01:00:00Z', status: 'closed' },
    { createdAt: '2026-03-11T01:00:00Z', closedAt: null, status: 'ordered' },
    { createdAt: '2026-03-02T01:00:00Z', closedAt: '2026-03-18T01:00:00Z', status: 'closed' },
    // Found on Monday 00:30 China time: Sunday in UTC, still in the period.
    { createdAt: '2026-03-08T16:30:00Z', closedAt: null, status: 'ordered' },
  ],
  measures: [
    { kind: 'fine', decidedAt: '2026-03-12T01:00:00Z', createdAt: '2026-03-11T01:00:00Z', amountFen: 500_000 },
    { kind: 'order_correction', decidedAt: null, createdAt: '2026-03-13T01:00:00Z', amountFen: null },
    { kind: 'fine', decidedAt: '2026-03-17T01:00:00Z', createdAt: '2026-03-17T01:00:00Z', amountFen: 100_000 },
  ],
});

describe('buildCadenceReport', () => {
  it('figures come from the four lists for the period, judged at its end', () => {
    const r = buildCadenceReport(input());
    expect(r.title).toBe('电动自行车专项整治每周分析研判（2026年3月9日至3月15日）');
    expect(r.figures).toEqual({
      leaves: 3,
      completed: 1,
      percent: 33,
      // 1.2 is past its deadline on the 15th; 1 rolls it up but is a parent, overdue only by its own deadline.
      overdueTasks: 1,
      completedInPeriod: 1,
      progressReportsInPeriod: 1,
      hazardsFoundInPeriod: 3,
      hazardsClosedInPeriod: 1,
      hazardsOpen: 3,
      measuresInPeriod: 2,
      finesFenInPeriod: 500_000,
      // the latest report of 1.1 up to the 15th; 1.2 reported only after it.
      reported: { unitsInspected: 15 },
    });
    expect(r.sections.map((s) => s.key)).toEqual(['overview', 'tasks', 'overdue', 'hazards', 'measures', 'next_steps']);
    const tasks = r.sections.find((s) => s.key === 'tasks')!;
    expect(tasks.table!.rows.map((row) => row[0])).toEqual(['1', '1.1', '1.2', '10']);
    expect(tasks.table!.rows[2]).toEqual(['1.2', '群租房', '住建局', '2026-03-12', '已逾期', '0%（0/1）']);
    expect(tasks.text).toContain('1.1 小区排查（教育局）：补充');
    expect(r.sections.find((s) => s.key === 'overdue')!.table!.rows).toEqual([['1.2', '群租房', '住建局', '2026-03-12']]);
    expect(r.sections.find((s) => s.key === 'measures')!.table!.rows).toEqual([['罚款', '1'], ['责令改正', '1']]);
    expect(r.sections.find((s) => s.key === 'measures')!.text).toContain('罚款5,000元');
    expect(r.sections.find((s) => s.key === 'overview')!.text).toMatch(/^截至2026-03-15，电动自行车专项整治共分解任务3项/);
    // The running week is reported as of today.
    const running = buildCadenceReport({ ...input(), now: new Date('2026-03-11T02:00:00Z') });
    expect(running.sections.find((s) => s.key === 'overview')!.text).toMatch(/^截至2026-03-11，/);
    expect(r.sections.find((s) => s.key === 'next_steps')!.text).toContain('住建局');
  });

  it('a later period sees what happened since', () => {
    const r = buildCadenceReport({ ...input(), period: { from: '2026-03-16', to: '2026-03-22' } });
    expect(r.figures).toMatchObject({ hazardsFoundInPeriod: 0, hazardsClosedInPeriod: 1, hazardsOpen: 2, measuresInPeriod: 1, finesFenInPeriod: 100_000, reported: { unitsInspected: 19, peopleTrained: 30 } });
  });
});

describe('issueCadenceReport', () => {
  const draft = buildCadenceReport(input());
  it("takes the officer's title and texts, keeps the tables and figures", () => {
    const r = issueCadenceReport(draft, { title: ' 第11周分析 ', sections: [{ key: 'next_steps', text: '下周召开调度会。' }] }, new Date('2026-03-20T00:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.title).toBe('第11周分析');
    expect(r.value.sections.find((s) => s.key === 'next_steps')!.text).toBe('下周召开调度会。');
    expect(r.value.sections.find((s) => s.key === 'tasks')!.table).toEqual(draft.sections.find((s) => s.key === 'tasks')!.table);
    expect(r.value.figures).toEqual(draft.figures);
  });

  it('refuses a period not begun, a blank title or section, and sections the report has not', () => {
    const at = new Date('2026-03-20T00:00:00Z');
    expect(issueCadenceReport(draft, { title: 'x', sections: [] }, new Date('2026-03-08T15:00:00Z'))).toMatchObject({ ok: false, error: { code: 'CADENCE_REPORT.PERIOD_NOT_STARTED' } });
    expect(issueCadenceReport(draft, { title: 'x', sections: [] }, new Date('2026-03-08T16:00:00Z')).ok).toBe(true);
    expect(issueCadenceReport(draft, { title: '  ', sections: [] }, at)).toMatchObject({ ok: false, error: { code: 'CADENCE_REPORT.TITLE_REQUIRED' } });
    expect(issueCadenceReport(draft, { title: 'x', sections: [{ key: 'overview', text: ' ' }] }, at)).toMatchObject({ ok: false, error: { code: 'CADENCE_REPORT.SECTION_EMPTY', details: { sections: ['overview'] } } });
    expect(issueCadenceReport(draft, { title: 'x', sections: [{ key: 'appendix', text: 'y' }] }, at)).toMatchObject({ ok: false, error: { code: 'CADENCE_REPORT.UNKNOWN_SECTION' } });
  });

  it('numbers issues per kind and year, and orders outline codes numerically', () => {
    expect(cadenceIssueNumber('monthly_dispatch', 2026, 3)).toBe('月度调度通报〔2026〕第3期');
    expect(['1.10', '2', '1.2', '1', '1.2.1'].sort(compareCodes)).toEqual(['1', '1.2', '1.2.1', '1.10', '2']);
  });
});
