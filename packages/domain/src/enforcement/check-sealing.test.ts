import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_CONFIG } from '../calendar/china-holidays';
import { DEFAULT_TIME_LIMITS } from '../calendar/time-limits';
import { createWorkingCalendar } from '../calendar/working-calendar';
import { checkSealing, type SealingInput } from './check-sealing';

const cn = (local: string) => new Date(`${local}+08:00`);
const endOf = (ymd: string) => cn(`${ymd}T23:59:59.999`);
const cal = createWorkingCalendar(DEFAULT_CALENDAR_CONFIG);

// Inspection on the eve of National Day 2025: the 3rd working day after it is Saturday 11 October (调休上班).
const ordinary: SealingInput = {
  emergency: false,
  inspectedAt: cn('2025-09-30T10:00:00'),
  decisionServedAt: cn('2025-10-11T09:00:00'),
  sealedAt: cn('2025-10-11T10:00:00'),
  now: cn('2025-10-11T10:00:00'),
  plannedEnd: endOf('2025-11-11'),
  hazardRemains: false,
};

// An emergency sealing at 23:00 before the holiday: the decision is due 24 hours later, on the holiday.
const emergency: SealingInput = {
  emergency: true,
  inspectedAt: cn('2025-09-30T22:30:00'),
  sealedAt: cn('2025-09-30T23:00:00'),
  decisionServedAt: null,
  now: cn('2025-10-01T22:00:00'),
  plannedEnd: endOf('2025-10-30'),
  hazardRemains: true,
};

function code(input: SealingInput): string | true {
  const r = checkSealing(input, cal);
  return r.ok ? true : r.error.code;
}

describe('checkSealing', () => {
  it('accepts an ordinary sealing decided on the third working day and lasting one month', () => {
    const r = checkSealing(ordinary, cal);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.decisionDue.due).toEqual(endOf('2025-10-11'));
      expect(r.value.latestEnd.due).toEqual(endOf('2025-11-11'));
      expect(r.value.extended).toBe(false);
    }
  });

  it('refuses a late ordinary decision', () => {
    const late = { ...ordinary, decisionServedAt: cn('2025-10-13T09:00:00'), sealedAt: cn('2025-10-13T10:00:00'), plannedEnd: endOf('2025-11-13') };
    const r = checkSealing(late, cal);
    expect(!r.ok && r.error).toMatchObject({ code: 'ENFORCEMENT.SEALING_DECISION_LATE', details: { due: endOf('2025-10-11').toISOString() } });
  });

  it('refuses an ordinary sealing carried out before its decision is served', () => {
    expect(code({ ...ordinary, decisionServedAt: null })).toBe('ENFORCEMENT.SEALING_WITHOUT_DECISION');
    expect(code({ ...ordinary, decisionServedAt: cn('2025-10-11T11:00:00') })).toBe('ENFORCEMENT.SEALING_WITHOUT_DECISION');
  });

  it('gives an emergency sealing 24 clock hours for its decision, holiday or not', () => {
    expect(code(emergency)).toBe(true);
    expect(code({ ...emergency, decisionServedAt: cn('2025-10-01T23:00:00') })).toBe(true);
    expect(code({ ...emergency, decisionServedAt: new Date(cn('2025-10-01T23:00:00').getTime() + 1) })).toBe('ENFORCEMENT.SEALING_DECISION_LATE');
    // Still unserved once the 24 hours have run out.
    expect(code({ ...emergency, now: cn('2025-10-02T00:00:00') })).toBe('ENFORCEMENT.SEALING_DECISION_LATE');
  });

  it('a month-end sealing may run to the last day of the next month and no further unless the hazard remains', () => {
    const monthEnd: SealingInput = {
      ...emergency,
      inspectedAt: cn('2025-01-31T09:00:00'),
      sealedAt: cn('2025-01-31T10:00:00'),
      decisionServedAt: cn('2025-01-31T20:00:00'),
      now: cn('2025-02-01T09:00:00'),
      plannedEnd: endOf('2025-02-28'),
      hazardRemains: false,
    };
    expect(code(monthEnd)).toBe(true);
    const longer = { ...monthEnd, plannedEnd: cn('2025-03-01T00:00:00') };
    const tooLong = checkSealing(longer, cal);
    expect(!tooLong.ok && tooLong.error).toMatchObject({ code: 'ENFORCEMENT.SEALING_TOO_LONG', details: { latestEnd: endOf('2025-02-28').toISOString() } });
    expect(code({ ...longer, hazardRemains: true })).toBe('ENFORCEMENT.SEALING_EXTENSION_REASON_REQUIRED');
    expect(code({ ...longer, hazardRemains: true, extensionReason: '   ' })).toBe('ENFORCEMENT.SEALING_EXTENSION_REASON_REQUIRED');
    const extended = checkSealing({ ...longer, hazardRemains: true, extensionReason: '疏散楼梯仍被封堵，隐患未消除' }, cal);
    expect(extended.ok && extended.value.extended).toBe(true);
  });

  it('refuses impossible periods', () => {
    expect(code({ ...ordinary, plannedEnd: ordinary.sealedAt })).toBe('ENFORCEMENT.SEALING_INVALID_PERIOD');
    expect(code({ ...emergency, inspectedAt: cn('2025-10-01T00:00:00') })).toBe('ENFORCEMENT.SEALING_INVALID_PERIOD');
  });

  it('follows a configured time-limit table', () => {
    const twoDays = { ...DEFAULT_TIME_LIMITS, sealingDecisionWorkingDays: 2 };
    const r = checkSealing(ordinary, cal, twoDays);
    expect(!r.ok && r.error.code).toBe('ENFORCEMENT.SEALING_DECISION_LATE');
  });
});
