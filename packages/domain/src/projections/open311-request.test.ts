import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '../lifecycles/report';
import { T0 } from '../lifecycles/test-support';
import { isOpen311Visible, open311Request, open311Status, OPEN311_CLOSED_REPORT_STATUSES } from './open311-request';
import { acceptedReport, rejectedReport, repliedReport, submittedReport, substantiatedReport, unfoundedReport } from './test-support';

describe('open311Status', () => {
  it('closes rejected, unfounded and replied reports, and keeps every other status open', () => {
    expect([...OPEN311_CLOSED_REPORT_STATUSES].sort()).toEqual(['rejected', 'replied', 'unfounded']);
    const closed = REPORT_STATUSES.filter((s) => open311Status(s) === 'closed');
    expect(closed.sort()).toEqual(['rejected', 'replied', 'unfounded']);
    expect(open311Status('substantiated')).toBe('open');
  });
});

describe('open311Request', () => {
  it('maps a new report to GeoReport v2 fields, in China time', () => {
    const r = submittedReport();
    expect(open311Request(r, { agencyResponsible: '越秀区消防救援大队' })).toEqual({
      service_request_id: 'rep-1',
      status: 'open',
      status_notes: '已提交，待受理',
      service_name: expect.stringContaining('电动'),
      service_code: 'ebike_indoor',
      description: '一楼大堂有电动车充电',
      agency_responsible: '越秀区消防救援大队',
      service_notice: '依《消防监督检查规定》应于 2025-03-06 23:59 前完成核查',
      requested_datetime: '2025-03-03T10:00:00+08:00',
      updated_datetime: '2025-03-03T10:00:00+08:00',
      expected_datetime: '2025-03-06T23:59:59+08:00',
      address: '越秀区中山路1号',
      lat: 23.13,
      long: 113.26,
      media_url: null,
    });
    expect(Date.parse('2025-03-03T10:00:00+08:00')).toBe(T0.getTime());
  });

  it('uses the latest public note as status notes and the latest step as the update time', () => {
    const o = open311Request(acceptedReport());
    expect(o).toMatchObject({ status: 'open', status_notes: '已受理，将尽快核查', updated_datetime: '2025-03-03T11:00:00+08:00' });
  });

  it('expects the reply once substantiated, and nothing once closed', () => {
    const s = substantiatedReport();
    expect(open311Request(s)).toMatchObject({ status: 'open', expected_datetime: expect.stringMatching(/\+08:00$/) });
    expect(Date.parse(open311Request(s).expected_datetime!)).toBe(Date.parse(s.replyDue!) - (Date.parse(s.replyDue!) % 1000));
    expect(open311Request(s).service_notice).toMatch(/答复举报人/);
    for (const closed of [repliedReport(), unfoundedReport(), rejectedReport()]) {
      expect(open311Request(closed)).toMatchObject({ status: 'closed', expected_datetime: null, service_notice: null });
    }
    expect(open311Request(rejectedReport()).status_notes).toBe('该隐患已有他人举报，正在处理');
  });

  it('speaks English when asked', () => {
    const o = open311Request(submittedReport(), { locale: 'en' });
    expect(o.status_notes).toBe('Submitted, awaiting acceptance');
    expect(o.service_name).toMatch(/[A-Za-z]/);
    expect(o.service_notice).toMatch(/^To be verified by 2025-03-06 23:59/);
  });

  it('keeps whistleblower reports out of Open311 and never publishes their text', () => {
    const w = submittedReport({ channel: 'whistleblower', whistleblower: true });
    expect(isOpen311Visible(w)).toBe(false);
    expect(isOpen311Visible(submittedReport())).toBe(true);
    expect(open311Request(w).description).toBeNull();
  });

  it('never carries the reporter reference or internal notes', () => {
    const json = JSON.stringify(open311Request(repliedReport()));
    for (const secret of ['sealed-reporter-77', '疑似同行恶意举报', '现场负责人不配合', '王监督', 'insp-wang']) {
      expect(json).not.toContain(secret);
    }
  });
});
