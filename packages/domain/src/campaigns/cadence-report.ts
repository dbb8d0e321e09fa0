import { chinaDate } from '../calendar/china-date';
import { err, ok, type Result } from '../common/errors';
import { ENFORCEMENT_ACTIONS, type EnforcementActionKind } from '../enforcement/enforcement-actions';
import type { CampaignTaskStatus } from '../lifecycles/campaign-task';
import { campaignFigureLabel } from './campaign-figures';
import { campaignProgress, rollUpCampaignTasks } from './campaign-rollup';
import { CADENCE_REPORT_LABELS, cadencePeriodName, type CadencePeriod, type CadenceReportKind } from './cadence-period';

export interface CadenceTask {
  readonly id: string;
  readonly parentId: string | null;
  readonly code: string;
  readonly title: string;
  readonly status: CampaignTaskStatus;
  readonly deadline: string | null;
  readonly leadDepartmentName: string | null;
  readonly reports: readonly { readonly figures: Readonly<Record<string, number>>; readonly summary: string; readonly at: string }[];
}

export interface CadenceInput {
  readonly kind: CadenceReportKind;
  readonly period: CadencePeriod;
  /** When the draft is made: overdue is judged at the period's end or now, whichever is earlier. */
  readonly now: Date;
  readonly campaign: { readonly name: string };
  readonly tasks: readonly CadenceTask[];
  /** The hazard list: found by the campaign's inspections. */
  readonly hazards: readonly { readonly createdAt: string; readonly closedAt: string | null; readonly status: string }[];
  /** The measures list: enforcement on those hazards. */
  readonly measures: readonly { readonly kind: string; readonly decidedAt: string | null; readonly createdAt: string; readonly amountFen: number | null }[];
}

export const CADENCE_SECTION_KEYS = ['overview', 'tasks', 'overdue', 'hazards', 'measures', 'next_steps'] as const;
export type CadenceSectionKey = (typeof CADENCE_SECTION_KEYS)[number];

export interface CadenceTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A section of the report: a heading, text the officer may edit, and a table from the data that stays as computed. */
export interface CadenceSection {
  readonly key: CadenceSectionKey;
  readonly heading: string;
  readonly text: string;
  readonly table: CadenceTable | null;
}

export interface CadenceFigures {
  readonly leaves: number;
  readonly completed: number;
  readonly percent: number;
  readonly overdueTasks: number;
  readonly completedInPeriod: number;
  readonly progressReportsInPeriod: number;
  readonly hazardsFoundInPeriod: number;
  readonly hazardsClosedInPeriod: number;
  readonly hazardsOpen: number;
  readonly measuresInPeriod: number;
  readonly finesFenInPeriod: number;
  /** Each task's latest reported figures up to the period's end, added up by name. */
  readonly reported: Readonly<Record<string, number>>;
}

export interface CadenceReportDraft {
  readonly kind: CadenceReportKind;
  readonly period: CadencePeriod;
  readonly title: string;
  readonly figures: CadenceFigures;
  readonly sections: readonly CadenceSection[];
}

const STATUS_ZH: Record<CampaignTaskStatus, string> = {
  draft: '待下达',
  assigned: '已下达',
  in_progress: '推进中',
  reported: '已报送待验收',
  completed: '已完成',
  overdue: '已逾期',
};

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/**
 * Builds a cadence report from the campaign's four lists for one period: the figures, a table per
 * list, and first-draft text the officer edits before issuing. Everything is China-local dates;
 * an instant belongs to the period when its China date falls within it.
 */
export function buildCadenceReport(input: CadenceInput): CadenceReportDraft {
  const { period } = input;
  const within = (iso: string | null) => {
    if (iso === null) return false;
    const d = chinaDate(new Date(iso));
    return d >= period.from && d <= period.to;
  };
  const upToEnd = (iso: string) => chinaDate(new Date(iso)) <= period.to;
  const periodEnd = new Date(`${period.to}T23:59:59.999+08:00`);
  const asOf = periodEnd.getTime() < input.now.getTime() ? periodEnd : input.now;
  // A report on the running period speaks of today, not of its last day.
  const asOfDay = chinaDate(asOf);

  const rollup = rollUpCampaignTasks(input.tasks, asOf);
  const total = campaignProgress(input.tasks, asOf);
  const completedInPeriod = input.tasks.filter((t) => t.status === 'completed' && t.reports.length > 0 && within(t.reports.at(-1)!.at)).length;
  const reportsInPeriod = input.tasks.flatMap((t) => t.reports.filter((r) => within(r.at)).map((r) => ({ task: t, report: r })));
  const reported: Record<string, number> = {};
  for (const t of input.tasks) {
    const latest = t.reports.filter((r) => upToEnd(r.at)).at(-1);
    if (!latest) continue;
    for (const [k, v] of Object.entries(latest.figures)) reported[k] = (reported[k] ?? 0) + v;
  }
  const hazardsFound = input.hazards.filter((h) => within(h.createdAt)).length;
  const hazardsClosed = input.hazards.filter((h) => within(h.closedAt)).length;
  const hazardsOpen = input.hazards.filter((h) => upToEnd(h.createdAt) && (h.closedAt === null || !upToEnd(h.closedAt))).length;
  const measures = input.measures.filter((m) => within(m.decidedAt ?? m.createdAt));
  const fines = measures.filter((m) => m.kind === 'fine').reduce((n, m) => n + (m.amountFen ?? 0), 0);

  const figures: CadenceFigures = {
    leaves: total.leaves,
    completed: total.completed,
    percent: total.percent,
    overdueTasks: total.overdueTasks,
    completedInPeriod,
    progressReportsInPeriod: reportsInPeriod.length,
    hazardsFoundInPeriod: hazardsFound,
    hazardsClosedInPeriod: hazardsClosed,
    hazardsOpen,
    measuresInPeriod: measures.length,
    finesFenInPeriod: fines,
    reported,
  };

  const label = CADENCE_REPORT_LABELS[input.kind].zh;
  const periodName = cadencePeriodName(input.kind, period);
  const byCode = [...input.tasks].sort((a, b) => compareCodes(a.code, b.code));
  const overdue = byCode.filter((t) => rollup.get(t.id)!.overdue);
  const figureText = Object.entries(reported)
    .map(([k, v]) => {
      const l = campaignFigureLabel(k);
      return `${l.zh}${v}${l.unit}`;
    })
    .join('，');

  const sections: CadenceSection[] = [
    {
      key: 'overview',
      heading: '一、总体进展',
      text:
        `截至${asOfDay}，${input.campaign.name}共分解任务${total.leaves}项（末级），已验收完成${total.completed}项，完成率${total.percent}%；` +
        `本期验收完成${completedInPeriod}项，各牵头部门报送进展${reportsInPeriod.length}次。` +
        (figureText ? `累计报送：${figureText}。` : ''),
      table: null,
    },
    {
      key: 'tasks',
      heading: '二、任务清单推进情况',
      text: reportsInPeriod.length
        ? reportsInPeriod.map(({ task, report }) => `${task.code} ${task.title}（${task.leadDepartmentName ?? '未指定牵头部门'}）：${report.summary}`).join('\n')
        : '本期无任务报送进展。',
      table: {
        columns: ['编号', '任务', '牵头部门', '完成时限', '状态', '完成率'],
        rows: byCode.map((t) => {
          const r = rollup.get(t.id)!;
          return [t.code, t.title, t.leadDepartmentName ?? '—', t.deadline ? chinaDate(new Date(t.deadline)) : '—', r.overdue ? STATUS_ZH.overdue : STATUS_ZH[t.status], `${r.percent}%（${r.completed}/${r.leaves}）`];
        }),
      },
    },
    {
      key: 'overdue',
      heading: '三、逾期任务',
      text: overdue.length
        ? `截至${asOfDay}，${overdue.length}项任务超过完成时限未完成，请牵头部门说明原因、限期完成。`
        : '本期无逾期任务。',
      table: overdue.length
        ? { columns: ['编号', '任务', '牵头部门', '完成时限'], rows: overdue.map((t) => [t.code, t.title, t.leadDepartmentName ?? '—', t.deadline ? chinaDate(new Date(t.deadline)) : '—']) }
        : null,
    },
    {
      key: 'hazards',
      heading: '四、隐患清单',
      text: `本期专项检查发现火灾隐患${hazardsFound}处，整改销号${hazardsClosed}处；截至${asOfDay}尚未销号${hazardsOpen}处。`,
      table: null,
    },
    {
      key: 'measures',
      heading: '五、措施清单',
      text: measures.length ? `本期依法采取执法措施${measures.length}项${fines > 0 ? `，罚款${yuan(fines)}元` : ''}。` : '本期未采取执法措施。',
      table: measures.length ? { columns: ['措施', '数量'], rows: countBy(measures.map((m) => measureLabel(m.kind))) } : null,
    },
    {
      key: 'next_steps',
      heading: '六、下步工作',
      text:
        (overdue.length ? `督促${[...new Set(overdue.map((t) => t.leadDepartmentName ?? '有关部门'))].join('、')}加快推进逾期任务；` : '') +
        (hazardsOpen ? `紧盯${hazardsOpen}处未销号隐患，逐条整改、逐条销号；` : '') +
        '按时报送下一期进展。',
      table: null,
    },
  ];
  return { kind: input.kind, period, title: `${input.campaign.name}${label}（${periodName}）`, figures, sections };
}

function measureLabel(kind: string): string {
  return ENFORCEMENT_ACTIONS[kind as EnforcementActionKind]?.label.zh ?? kind;
}

function countBy(values: readonly string[]): string[][] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([k, n]) => [k, String(n)]);
}

/** Outline order: 1.2 before 1.10, parents before children. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

export interface CadenceEdits {
  readonly title: string;
  readonly sections: readonly { readonly key: string; readonly text: string }[];
}

export const CADENCE_TEXT_MAX = 20_000;

/**
 * The report as issued: the draft rebuilt from the data at issue time with the officer's title
 * and section texts. Tables and figures stay as computed (an officer words the report, but does
 * not change the numbers). A period that has not begun cannot be reported on.
 */
export function issueCadenceReport(draft: CadenceReportDraft, edits: CadenceEdits, now: Date): Result<CadenceReportDraft> {
  if (draft.period.from > chinaDate(now)) {
    return err('CADENCE_REPORT.PERIOD_NOT_STARTED', 'The period has not begun yet', '报告期尚未开始，不能出具报告', { from: draft.period.from });
  }
  const title = edits.title.trim();
  if (title === '' || title.length > 200) return err('CADENCE_REPORT.TITLE_REQUIRED', 'The report needs a title of at most 200 characters', '请填写报告标题（不超过200字）');
  const texts = new Map<string, string>();
  for (const s of edits.sections) {
    if (!draft.sections.some((d) => d.key === s.key)) return err('CADENCE_REPORT.UNKNOWN_SECTION', 'The report has no such section', '报告中没有该部分', { key: s.key });
    if (texts.has(s.key)) return err('CADENCE_REPORT.UNKNOWN_SECTION', 'A section is given twice', '报告的某一部分重复提交', { key: s.key });
    texts.set(s.key, s.text.trim());
  }
  const sections = draft.sections.map((d) => ({ ...d, text: texts.get(d.key) ?? d.text }));
  const empty = sections.filter((s) => s.text === '' || s.text.length > CADENCE_TEXT_MAX).map((s) => s.key);
  if (empty.length > 0) {
    return err('CADENCE_REPORT.SECTION_EMPTY', 'Every section needs text (at most 20,000 characters)', '报告各部分均须填写内容（每部分不超过2万字）', { sections: empty });
  }
  return ok({ ...draft, title, sections });
}

/** The issue number: 周分析 2026 第3期 → 〔2026〕第3期, numbered per campaign and kind. */
export function cadenceIssueNumber(kind: CadenceReportKind, year: number, sequence: number): string {
  return `${CADENCE_REPORT_LABELS[kind].zh}〔${year}〕第${sequence}期`;
}
