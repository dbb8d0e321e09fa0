import type { InspectionSource, InspectionStatus } from '@firebreak/domain';
import type { Label } from './text';

export const INSPECTION_STATUS_TEXT: Record<InspectionStatus, Label> = {
  planned: { zh: '已计划', en: 'Planned' },
  in_progress: { zh: '检查中', en: 'In progress' },
  recorded: { zh: '待签名确认', en: 'Awaiting signatures' },
  confirmed: { zh: '单位已确认', en: 'Unit confirmed' },
  refusal_recorded: { zh: '拒签已记录', en: 'Refusal recorded' },
  completed: { zh: '已办结', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The kernel's sources; the list rows carry the table's spelling of two of them (mapped below). */
export const INSPECTION_SOURCE_TEXT: Record<InspectionSource, Label> = {
  double_random: { zh: '双随机抽查', en: 'Random draw' },
  campaign: { zh: '专项行动', en: 'Campaign' },
  report_verification: { zh: '举报核查', en: 'Report verification' },
  re_inspection: { zh: '复查', en: 'Re-inspection' },
  joint: { zh: '联合检查', en: 'Joint inspection' },
  expert_check: { zh: '专家查隐患', en: 'Expert check' },
  unannounced: { zh: '四不两直', en: 'Unannounced visit' },
};

const COLUMN_TO_SOURCE: Record<string, InspectionSource> = { random_sampling: 'double_random', reinspection: 're_inspection' };

export function sourceText(column: string): Label | undefined {
  return INSPECTION_SOURCE_TEXT[(COLUMN_TO_SOURCE[column] ?? column) as InspectionSource];
}

/** Status tag tones for inspections (lib/ui StatusTag reads them by status code). */
export const INSPECTION_TONES: Record<InspectionStatus, 'warn' | 'info' | 'danger' | 'ok' | 'violet' | 'teal' | 'muted'> = {
  planned: 'warn',
  in_progress: 'info',
  recorded: 'violet',
  confirmed: 'teal',
  refusal_recorded: 'danger',
  completed: 'ok',
  cancelled: 'muted',
};
