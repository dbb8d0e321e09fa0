import { RISK_CATEGORIES, URGENT_RISK_CATEGORIES, VENUE_CATEGORIES, type Label } from '@firebreak/domain';
import { REPORT_CHANNELS, type ReportChannel } from '@firebreak/db';

/** How a report reached the agency, as the portal and the console name it. */
export const REPORT_CHANNEL_LABELS: Readonly<Record<ReportChannel, Label>> = {
  web: { zh: '网上举报', en: 'Web portal' },
  wechat: { zh: '微信举报', en: 'WeChat' },
  hotline_12345: { zh: '12345政务服务热线', en: '12345 government hotline' },
  hotline_96119: { zh: '96119火灾隐患举报投诉电话', en: '96119 fire hazard hotline' },
  open311: { zh: '第三方平台（Open311）', en: 'Third-party app (Open311)' },
  grid: { zh: '网格员上报', en: 'Grid worker' },
  whistleblower: { zh: '内部吹哨', en: 'Internal whistleblower' },
};

/** The catalogs a reporter's form is built from: the kernel's lists, public fields only. */
export function intakeCatalogs() {
  return {
    venueCategories: VENUE_CATEGORIES.map((c) => ({ code: c.code, zh: c.zh, en: c.en, groups: [...c.groups] })),
    riskCategories: RISK_CATEGORIES.map((r) => ({
      code: r.code,
      zh: r.zh,
      en: r.en,
      description: r.description,
      origin: r.origin,
      // Verified within 24 hours rather than 3 working days.
      urgent: URGENT_RISK_CATEGORIES.includes(r.code),
    })),
    reportChannels: REPORT_CHANNELS.map((code) => ({ code, ...REPORT_CHANNEL_LABELS[code] })),
  };
}
