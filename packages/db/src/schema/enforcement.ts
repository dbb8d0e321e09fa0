import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, money, textOf } from './columns';
import { hazards } from './hazards';
import { departments } from './jurisdictions';
import { lifecycleColumns } from './lifecycle-columns';
import { venues } from './venues';

export const ENFORCEMENT_KINDS = [
  'order_correct', // 责令改正
  'fine', // 罚款
  'temporary_sealing', // 临时查封
  'stop_business', // 责令停产停业停止使用
  'forced_execution', // 强制执行
  'detention_referral', // 移送公安拘留 (never decided by the fire agency)
  'license_revocation_request', // 提请吊销许可
  'criminal_referral', // 移送司法
  'interview', // 约谈
  'blacklist', // 失信黑名单
  'exposure', // 曝光
] as const;
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

export const enforcementActions = pgTable(
  'enforcement_actions',
  {
    ...lifecycleColumns(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    hazardId: uuid('hazard_id').references(() => hazards.id),
    kind: textOf<EnforcementKind>('kind').notNull(),
    /** Fines in fen; the statutory range is checked by the kernel. */
    amountFen: money('amount_fen'),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    legalBasis: text('legal_basis'),
    decidedAt: instant('decided_at'),
  },
  (t) => [
    index('enforcement_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    index('enforcement_venue_idx').on(t.venueId),
    index('enforcement_hazard_idx').on(t.hazardId),
    check('enforcement_amount_ck', sql`amount_fen is null or amount_fen >= 0`),
    check(
      'enforcement_kind_ck',
      sql`kind in ('order_correct', 'fine', 'temporary_sealing', 'stop_business', 'forced_execution', 'detention_referral', 'license_revocation_request', 'criminal_referral', 'interview', 'blacklist', 'exposure')`,
    ),
  ],
);

/** 抄告 (notify) or 移送 (transfer) between departments: sent → acknowledged → handled → replied. */
export const referrals = pgTable(
  'referrals',
  {
    ...lifecycleColumns(),
    kind: textOf<'notify' | 'transfer'>('kind').notNull(),
    fromDepartmentId: uuid('from_department_id')
      .notNull()
      .references(() => departments.id),
    toDepartmentId: uuid('to_department_id')
      .notNull()
      .references(() => departments.id),
    venueId: uuid('venue_id').references(() => venues.id),
    hazardId: uuid('hazard_id').references(() => hazards.id),
    enforcementId: uuid('enforcement_id').references(() => enforcementActions.id),
    dueAt: instant('due_at'),
  },
  (t) => [
    index('referrals_to_department_idx').on(t.toDepartmentId, t.status),
    index('referrals_from_department_idx').on(t.fromDepartmentId, t.status),
    check('referrals_kind_ck', sql`kind in ('notify', 'transfer')`),
    check('referrals_departments_ck', sql`from_department_id <> to_department_id`),
  ],
);

/** 挂牌督办: government listed supervision of a major hazard, until 摘牌销案. */
export const listings = pgTable(
  'listings',
  {
    ...lifecycleColumns(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    hazardId: uuid('hazard_id').references(() => hazards.id),
    listedByDepartmentId: uuid('listed_by_department_id')
      .notNull()
      .references(() => departments.id),
    listedAt: instant('listed_at'),
    delistedAt: instant('delisted_at'),
  },
  (t) => [
    index('listings_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    index('listings_venue_idx').on(t.venueId),
  ],
);
