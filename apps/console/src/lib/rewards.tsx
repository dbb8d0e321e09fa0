import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { formatYuan, RISK_CATEGORIES, type RewardStatus } from '@firebreak/domain';
import type { Label } from './text';
import { useText } from './text';

/** 奖励 statuses in both languages (the kernel names commands, not statuses). */
export const REWARD_STATUS_LABELS: Readonly<Record<RewardStatus, Label>> = {
  candidate: { zh: '待认定', en: 'To assess' },
  eligible: { zh: '待核定金额', en: 'To determine' },
  ineligible: { zh: '不予奖励', en: 'Ineligible' },
  determined: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已审批', en: 'Approved' },
  notified: { zh: '已告知待领取', en: 'Notified, unclaimed' },
  claimed: { zh: '待发放', en: 'Claimed, to pay' },
  paid: { zh: '已发放', en: 'Paid' },
  expired: { zh: '逾期未领', en: 'Expired' },
  withheld: { zh: '不予发放', en: 'Withheld' },
};

export const CLAIM_STATUS_LABELS: Readonly<Record<string, Label>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  identity_verified: { zh: '身份已核验', en: 'Identity verified' },
  accepted: { zh: '已受理', en: 'Accepted' },
  paid: { zh: '已发放', en: 'Paid' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

export const DISCLOSURE_STATUS_LABELS: Readonly<Record<string, Label>> = {
  requested: { zh: '待审批', en: 'To decide' },
  approved: { zh: '已批准', en: 'Approved' },
  denied: { zh: '不予批准', en: 'Denied' },
};

// Text / background / border chosen for 4.5:1 contrast, as in lib/ui.tsx.
const TONES = {
  warn: ['#873800', '#fff7e6', '#ffd591'],
  info: ['#003eb3', '#e6f4ff', '#91caff'],
  danger: ['#a8071a', '#fff1f0', '#ffa39e'],
  ok: ['#135200', '#f6ffed', '#b7eb8f'],
  violet: ['#391085', '#f9f0ff', '#d3adf7'],
  muted: ['#434343', '#fafafa', '#d9d9d9'],
} as const;

const TONE_OF: Record<string, keyof typeof TONES> = {
  candidate: 'warn',
  eligible: 'warn',
  determined: 'violet',
  approved: 'info',
  notified: 'info',
  claimed: 'violet',
  paid: 'ok',
  ineligible: 'muted',
  expired: 'muted',
  withheld: 'danger',
  submitted: 'warn',
  identity_verified: 'info',
  accepted: 'violet',
  rejected: 'muted',
  requested: 'warn',
  denied: 'danger',
  draft: 'warn',
  published: 'ok',
};

export function Status({ status, labels }: { status: string; labels: Readonly<Record<string, Label>> }): ReactNode {
  const { label } = useText();
  const [color, background, borderColor] = TONES[TONE_OF[status] ?? 'muted'];
  return (
    <Tag style={{ color, background, borderColor }} data-status={status}>
      {label(labels[status]) || status}
    </Tag>
  );
}

export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `¥${formatYuan(fen)}`;
}

export function useRiskLabel() {
  const { label } = useText();
  return (code: string | null | undefined) => (code ? label(RISK_CATEGORIES.find((c) => c.code === code)) || code : '—');
}
