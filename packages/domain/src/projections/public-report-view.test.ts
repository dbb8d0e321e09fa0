import { describe, expect, it } from 'vitest';
import { T0, hoursLater } from '../lifecycles/test-support';
import { publicReportView, reportTimeline } from './public-report-view';
import {
  acceptedReport,
  closedHazard,
  orderedHazard,
  rejectedReport,
  repliedReport,
  submittedReport,
  substantiatedReport,
  unfoundedReport,
} from './test-support';

describe('publicReportView', () => {
  it('shows a fresh report with its legal verification deadline pending', () => {
    const r = submittedReport();
    const v = publicReportView(r, []);
    expect(v).toMatchObject({
      id: 'rep-1',
      status: 'submitted',
      statusLabel: { zh: '已提交，待受理' },
      riskCategory: { code: 'ebike_indoor', zh: expect.any(String), en: expect.any(String) },
      description: '一楼大堂有电动车充电',
      address: '越秀区中山路1号',
      receivedAt: T0.toISOString(),
      urgent: false,
      rejection: null,
      reply: null,
      hazards: [],
    });
    expect(v.timeline).toEqual([{ status: 'submitted', label: expect.objectContaining({ zh: '已提交，待受理' }), at: T0.toISOString() }]);
    expect(v.deadlines).toEqual([expect.objectContaining({ kind: 'verification', due: r.verificationDue, metAt: null, late: null })]);
  });

  it('walks the reporter through every step with dates and public notes, and no one’s name', () => {
    const r = repliedReport();
    const v = publicReportView(r, [orderedHazard()]);
    expect(v.timeline.map((e) => [e.status, e.at])).toEqual([
      ['submitted', T0.toISOString()],
      ['accepted', hoursLater(T0, 1).toISOString()],
      ['verifying', hoursLater(T0, 2).toISOString()],
      ['substantiated', hoursLater(T0, 30).toISOString()],
      ['replied', hoursLater(T0, 50).toISOString()],
    ]);
    expect(v.notes.map((n) => n.text)).toEqual(['已受理，将尽快核查', '经核查属实，已责令单位限期改正。']);
    expect(v.reply).toBe('经核查属实，已责令单位限期改正。');
    expect(v.deadlines).toEqual([
      expect.objectContaining({ kind: 'verification', metAt: hoursLater(T0, 30).toISOString(), late: false }),
      expect.objectContaining({ kind: 'reply', due: r.replyDue, metAt: hoursLater(T0, 50).toISOString(), late: false }),
    ]);
    const json = JSON.stringify(v);
    for (const secret of ['sealed-reporter-77', '疑似同行恶意举报', '现场负责人不配合', '王监督', 'insp-wang', '李大队长']) {
      expect(json).not.toContain(secret);
    }
  });

  it('marks the verification deadline as missed when the verdict came late', () => {
    // Monday 10:00 + 3 working days ends Thursday; 100 hours later is Friday.
    const v = publicReportView(substantiatedReport(100), []);
    expect(v.deadlines[0]).toMatchObject({ kind: 'verification', late: true });
  });

  it('shows only the hazards this report led to, in their public form', () => {
    const v = publicReportView(substantiatedReport(), [orderedHazard('hz-other'), closedHazard()]);
    expect(v.hazards.map((h) => [h.id, h.status])).toEqual([['hz-1', 'closed']]);
  });

  it('labels an unfounded verdict and a rejection with its reason and the original report', () => {
    expect(reportTimeline(unfoundedReport()).at(-1)).toMatchObject({ status: 'unfounded', label: { zh: '经核查不属实' } });
    const v = publicReportView(rejectedReport(), []);
    expect(v.rejection).toEqual({ reason: 'duplicate', label: { zh: '重复举报', en: expect.any(String) }, duplicateOf: 'rep-0' });
    expect(v.notes.map((n) => n.text)).toEqual(['该隐患已有他人举报，正在处理']);
    expect(v.deadlines).toEqual([]);
  });

  it('never reads the filing staff member of a hotline report', () => {
    const v = publicReportView(acceptedReport(), []);
    expect(Object.keys(v)).not.toContain('filedBy');
    expect(Object.keys(v)).not.toContain('reporterRef');
  });
});
