// Catalogs: venue categories and groups, unit flags, risk categories, remediation standards.
export * from './legal-basis';
export * from './risk-categories';
export * from './venue-groups';
export * from './venue-categories';
export * from './unit-flags';
export * from './nine-small';
export * from './classify-nine-small';
export * from './classify-multi-use';
export * from './remediation-standard';
export * from './standard-schema';
export * from './common-check-items';
export * from './venue-check-items';
export * from './default-standards';
export * from './active-standard';
export * from './build-checklist';
export { nextStandardVersion } from './next-standard-version';
export { reviseStandardDraft } from './revise-standard-draft';
export { publishStandard } from './publish-standard';
