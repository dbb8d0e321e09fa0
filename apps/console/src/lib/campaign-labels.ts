import type { CampaignTaskStatus } from '@firebreak/domain';
import type { Label } from './text';

export const TASK_STATUS_TEXT: Record<CampaignTaskStatus, Label> = {
  draft: { zh: '待下达', en: 'Draft' },
  assigned: { zh: '已下达', en: 'Assigned' },
  in_progress: { zh: '推进中', en: 'In progress' },
  reported: { zh: '已报送待验收', en: 'Reported' },
  completed: { zh: '已完成', en: 'Completed' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

export const TASK_TONES: Record<CampaignTaskStatus, 'warn' | 'info' | 'danger' | 'ok' | 'violet' | 'teal' | 'muted'> = {
  draft: 'muted',
  assigned: 'info',
  in_progress: 'teal',
  reported: 'violet',
  completed: 'ok',
  overdue: 'danger',
};

export const CAMPAIGN_STATUS_TEXT: Record<'planned' | 'active' | 'closed', Label> = {
  planned: { zh: '部署中', en: 'Planned' },
  active: { zh: '进行中', en: 'Active' },
  closed: { zh: '已结束', en: 'Closed' },
};
