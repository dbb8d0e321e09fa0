import { describe, expect, it } from 'vitest';
import { ROLES, STAFF_ROLES } from '../common/roles';
import { LIFECYCLES } from '../lifecycles/index';
import { afterFailure, DEFAULT_DELIVERY_POLICY } from './delivery-backoff';
import { NOTIFICATION_LOCALES, NOTIFICATION_TEMPLATES, renderNotification } from './notification-templates';
import { decideDeadline, OVERDUE_ESCALATION_ROLE, type PendingDeadline } from './overdue-decisions';
import { isClaimPastRetention, isPastRetention } from './retention';
import { nearestLevelWithAccounts, reporterChannels } from './delivery-channels';
import { systemActor } from './system-actors';

const due = '2026-03-06T15:59:59.999Z';
const row = (kind: string, entity = kind.split('.')[0]!): PendingDeadline => ({
  id: 'd1',
  entity,
  entityId: 'e1',
  kind,
  dueAt: due,
  basis: '消防监督检查规定',
  jurisdictionId: 'j1',
});
const before = new Date(Date.parse(due) - 1);
const after = new Date(Date.parse(due) + 1);

describe('decideDeadline', () => {
  it('waits until the instant has passed, not at it', () => {
    expect(decideDeadline(row('hazard.correction'), before)).toEqual({ action: 'wait' });
    expect(decideDeadline(row('hazard.correction'), new Date(due))).toEqual({ action: 'wait' });
  });

  it('escalates a lapsed correction through the hazard lifecycle', () => {
    const d = decideDeadline(row('hazard.correction'), after);
    expect(d).toMatchObject({ action: 'transition', entity: 'hazard', command: { type: 'escalate' } });
  });

  it('expires a reward whose claim window closed', () => {
    expect(decideDeadline(row('reward.claim_window'), after)).toEqual({ action: 'transition', entity: 'reward', command: { type: 'expire' } });
  });

  it.each(Object.keys(OVERDUE_ESCALATION_ROLE).filter((k) => k !== 'hazard.correction' && k !== 'reward.claim_window'))(
    'raises %s to the queue of the role that answers for it',
    (kind) => {
      const d = decideDeadline(row(kind), after);
      expect(d.action).toBe('raise');
      if (d.action !== 'raise') return;
      expect(d.notify).toEqual([
        expect.objectContaining({ type: 'notify', to: { kind: 'role', role: OVERDUE_ESCALATION_ROLE[kind], jurisdictionId: 'j1' }, entityId: 'e1' }),
      ]);
    },
  );

  it('flags sealing beyond its legal limit rather than calling it late work', () => {
    const d = decideDeadline(row('enforcement.sealing_end'), after);
    expect(d).toMatchObject({ action: 'raise', flag: 'limit_exceeded', auditAction: 'limit_exceeded' });
    expect(d.action === 'raise' && d.notify[0]?.type === 'notify' && d.notify[0].template).toBe('deadline.limit_exceeded');
  });

  it('notifies no one when the subject is gone, but still raises', () => {
    const d = decideDeadline({ ...row('report.verification'), jurisdictionId: null }, after);
    expect(d).toMatchObject({ action: 'raise', notify: [] });
  });
});

describe('the system actor', () => {
  it('is named, has the system role and is no staff role', () => {
    const a = systemActor('deadlines', 'root');
    expect(a).toMatchObject({ userId: 'system:deadlines', role: 'system', departmentId: null, jurisdictionId: 'root' });
    expect(a.name).toContain('系统');
    expect(ROLES).toContain('system');
    expect(STAFF_ROLES).not.toContain('system');
  });

  it('is named only on clock-driven commands', () => {
    const commands = LIFECYCLES.flatMap((lc) => lc.transitions.filter((t) => t.roles.includes('system')).map((t) => `${lc.name}.${t.command}`));
    expect(commands.sort()).toEqual(['HAZARD.escalate', 'REWARD.expire']);
  });
});

describe('afterFailure', () => {
  it('backs off exponentially from one minute, capped, then dead-letters', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const delays = [1, 2, 3, 4].map((n) => {
      const o = afterFailure(n, now);
      return o.status === 'pending' ? (o.nextAttemptAt.getTime() - now.getTime()) / 60_000 : o.status;
    });
    expect(delays).toEqual([1, 2, 4, 8]);
    const capped = afterFailure(7, now, { ...DEFAULT_DELIVERY_POLICY, maxDelayMs: 10 * 60_000 });
    expect(capped.status === 'pending' && capped.nextAttemptAt.getTime() - now.getTime()).toBe(10 * 60_000);
    expect(afterFailure(DEFAULT_DELIVERY_POLICY.maxAttempts, now)).toEqual({ status: 'dead', attempts: DEFAULT_DELIVERY_POLICY.maxAttempts });
  });
});

describe('notification templates', () => {
  // Every template name a lifecycle or job emits (grep `template:` in src/lifecycles and src/jobs).
  const EMITTED = [
    'report.submitted', 'report.submitted_urgent', 'report.accepted', 'report.rejected', 'report.assigned', 'report.replied',
    'hazard.found', 'hazard.ordered', 'hazard.notice_served', 'hazard.remediation_submitted', 'hazard.overdue', 'hazard.verified',
    'hazard.reinspection_failed', 'hazard.closed', 'hazard.major', 'inspection.assigned', 'inspection.completed', 'inspection.unit_refused',
    'enforcement.proposed', 'enforcement.decided', 'enforcement.executed', 'enforcement.detention_referral',
    'referral.sent.notice', 'referral.sent.transfer', 'referral.sent.police_transfer', 'referral.sent.detention',
    'referral.sent.license_revocation', 'referral.sent.criminal', 'referral.replied',
    'listing.proposed', 'listing.listed', 'listing.declined', 'listing.acceptance_requested', 'listing.acceptance_failed', 'listing.delisted',
    'reward.candidate', 'reward.ineligible', 'reward.notified', 'reward.paid', 'reward.withheld',
    'claim.submitted', 'claim.accepted', 'claim.paid', 'claim.rejected', 'disclosure.requested', 'disclosure.approved', 'disclosure.denied',
    'campaign_task.assigned', 'campaign_task.supporting', 'campaign_task.reported', 'campaign_task.overdue', 'deadline.overdue', 'deadline.limit_exceeded',
  ];

  it.each(EMITTED)('%s has a subject and a body in every locale', (name) => {
    const tpl = NOTIFICATION_TEMPLATES[name];
    expect(tpl, name).toBeDefined();
    for (const l of NOTIFICATION_LOCALES) {
      expect(tpl!.subject[l].length).toBeGreaterThan(0);
      expect(tpl!.body[l].length).toBeGreaterThan(0);
    }
  });

  it('fills values and leaves no placeholder behind', () => {
    const zh = renderNotification('hazard.overdue', 'zh-CN', { ref: 'AB12CD34' });
    expect(zh.body).toContain('AB12CD34');
    const en = renderNotification('deadline.overdue', 'en', { ref: 'X', kind: 'report.verification', due, basis: 'Art. 17' });
    expect(en.body).toBe(`The time limit report.verification of X (Art. 17) passed at ${due}; it was escalated to you.`);
    expect(renderNotification('no.such', 'en', { ref: 'X' }).body).toBe('X has an update: no.such.');
  });
});

describe('isPastRetention', () => {
  const c = { reportId: 'r', status: 'replied', finishedAt: '2023-01-01T00:00:00Z', hasSealedMaterial: true };
  it('purges only finished reports past the period that still hold sealed material', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(isPastRetention(c, now, { whistleblowerDays: 365 })).toBe(true);
    expect(isPastRetention(c, now, { whistleblowerDays: 5 * 365 })).toBe(false);
    expect(isPastRetention({ ...c, status: 'verifying' }, now, { whistleblowerDays: 1 })).toBe(false);
    expect(isPastRetention({ ...c, hasSealedMaterial: false }, now, { whistleblowerDays: 1 })).toBe(false);
  });
});

describe('isClaimPastRetention', () => {
  const c = { claimId: 'c', status: 'paid', finishedAt: '2025-01-01T00:00:00Z' };
  const now = new Date('2026-03-01T00:00:00Z');
  it('purges a paid or rejected claim’s envelopes once the period has run from its last change', () => {
    expect(isClaimPastRetention(c, now, { whistleblowerDays: 365 })).toBe(true);
    expect(isClaimPastRetention({ ...c, status: 'rejected' }, now, { whistleblowerDays: 365 })).toBe(true);
    expect(isClaimPastRetention(c, now, { whistleblowerDays: 500 })).toBe(false);
  });
  it('keeps them while the claim is still open or waiting for payment, and on an unreadable date', () => {
    for (const status of ['submitted', 'identity_verified', 'accepted']) expect(isClaimPastRetention({ ...c, status }, now, { whistleblowerDays: 1 })).toBe(false);
    expect(isClaimPastRetention({ ...c, finishedAt: 'never' }, now, { whistleblowerDays: 1 })).toBe(false);
  });
});

describe('reporterChannels', () => {
  it('reaches a reporter in-app always, by SMS or email only with that contact, the hotline by callback', () => {
    expect(reporterChannels({ filedThrough: 'web', hasPhone: false, hasEmail: false })).toEqual(['in_app']);
    expect(reporterChannels({ filedThrough: 'web', hasPhone: true, hasEmail: true })).toEqual(['in_app', 'sms', 'email']);
    expect(reporterChannels({ filedThrough: 'hotline_12345', hasPhone: false, hasEmail: false })).toEqual(['in_app', 'hotline']);
  });

  it('routes a role notification to the nearest level that has such accounts', () => {
    const at: Record<string, string[]> = { street: [], district: ['sup-d'], city: ['sup-c'] };
    expect(nearestLevelWithAccounts(['street', 'district', 'city'], (j) => at[j] ?? [])).toEqual(['sup-d']);
    expect(nearestLevelWithAccounts(['x'], () => [])).toEqual([]);
  });
});
