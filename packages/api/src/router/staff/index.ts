// Shared pieces of the staff operations routers (reports, inspections, hazards,
// enforcement, referrals, listings, major).

export * from './columns';
export * from './report-view';
export * from './wire';
