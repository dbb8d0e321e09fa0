import type { ReactNode } from 'react';
import { Alert, Button, Tag, Tooltip } from 'antd';
import type { Lifecycle } from '@firebreak/domain';
import { useText } from './text';

export function PageHead({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div className="console-page-head">
      <div>
        <h1>{title}</h1>
        {children}
      </div>
      {extra ? <div className="console-actions">{extra}</div> : null}
    </div>
  );
}

// Text / background pairs chosen for 4.5:1 contrast (antd's preset tag colours fall short of it).
const TONES = {
  warn: ['#873800', '#fff7e6', '#ffd591'],
  info: ['#003eb3', '#e6f4ff', '#91caff'],
  danger: ['#a8071a', '#fff1f0', '#ffa39e'],
  ok: ['#135200', '#f6ffed', '#b7eb8f'],
  violet: ['#391085', '#f9f0ff', '#d3adf7'],
  teal: ['#00474f', '#e6fffb', '#87e8de'],
  muted: ['#434343', '#fafafa', '#d9d9d9'],
} as const;

const STATUS_TONES: Record<string, keyof typeof TONES> = {
  submitted: 'warn',
  accepted: 'info',
  verifying: 'info',
  substantiated: 'danger',
  unfounded: 'muted',
  replied: 'ok',
  rejected: 'muted',
  found: 'warn',
  confirmed: 'danger',
  ordered: 'info',
  overdue: 'danger',
  remediation_submitted: 'violet',
  verified: 'teal',
  closed: 'ok',
  dismissed: 'muted',
};

export function StatusTag({ status, text }: { status: string; text: string }) {
  const [color, background, borderColor] = TONES[STATUS_TONES[status] ?? 'muted'];
  return (
    <Tag style={{ color, background, borderColor }} data-status={status}>
      {text}
    </Tag>
  );
}

export function ToneTag({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  const [color, background, borderColor] = TONES[tone];
  return <Tag style={{ color, background, borderColor, marginInlineStart: 6 }}>{children}</Tag>;
}

/** Working days left until an instant (weekends skipped; the holiday calendar is not on the wire). */
export function workingDaysUntil(iso: string, now = new Date()): number {
  const end = new Date(iso);
  const sign = end >= now ? 1 : -1;
  let days = 0;
  const d = new Date(Math.min(end.getTime(), now.getTime()));
  const stop = new Date(Math.max(end.getTime(), now.getTime()));
  d.setHours(0, 0, 0, 0);
  stop.setHours(0, 0, 0, 0);
  while (d < stop) {
    d.setDate(d.getDate() + 1);
    const wd = d.getDay();
    if (wd !== 0 && wd !== 6) days++;
  }
  return sign * days;
}

/** The legal clock: the deadline, its working days, red once it has passed. */
export function Clock({ deadline, overdue }: { deadline: string | null | undefined; overdue?: boolean }) {
  const { tx, dateTime } = useText();
  if (!deadline) return <span>—</span>;
  const late = overdue ?? new Date(deadline) < new Date();
  const hoursLeft = (new Date(deadline).getTime() - Date.now()) / 3_600_000;
  const wd = workingDaysUntil(deadline);
  const clock = late
    ? tx(`已逾期 ${Math.max(1, -wd)} 个工作日`, `${Math.max(1, -wd)} working day(s) overdue`)
    : hoursLeft < 24
      ? tx(`剩余 ${Math.max(0, Math.floor(hoursLeft))} 小时`, `${Math.max(0, Math.floor(hoursLeft))} h left`)
      : tx(`剩余 ${wd} 个工作日`, `${wd} working day(s) left`);
  return (
    <Tooltip title={dateTime(deadline)}>
      <span className={late ? 'console-overdue' : undefined} data-overdue={late ? 'true' : 'false'}>
        {clock}
      </span>
    </Tooltip>
  );
}

/** Commands the kernel's transition table allows this role from this state (the server still decides). */
export function allowedCommands(lc: Lifecycle<string, string>, status: string, role: string): string[] {
  return lc.transitions.filter((t) => (t.from).includes(status) && (t.roles as readonly string[]).includes(role)).map((t) => t.command);
}

export function StaleNotice({ onReload }: { onReload: () => void }) {
  const { tx } = useText();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="stale-notice"
      title={tx('他人已修改此记录，请重新加载。您填写的内容已保留。', 'Someone changed this; reload. What you typed is kept.')}
      action={
        <Button size="small" onClick={onReload}>
          {tx('重新加载', 'Reload')}
        </Button>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

export interface Step {
  readonly what: string;
  readonly who?: string | null;
  readonly role?: string | null;
  readonly department?: string | null;
  readonly at: string | null | undefined;
  readonly note?: string | null;
}
