// The whole database schema; drizzle-kit reads this file (drizzle.config.ts).
export * from './jurisdictions';
export * from './venues';
export * from './users';
export * from './standards';
export * from './campaigns';
export * from './draws';
export * from './reports';
export * from './inspections';
export * from './audit';
export * from './hazards';
export * from './enforcement';
export * from './rewards';
export * from './calendar';
export * from './outbox';
export * from './idempotency';
export { lifecycleColumns } from './lifecycle-columns';
export * from './determinations';
export * from './campaign-reports';
