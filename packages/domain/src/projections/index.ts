export * from './labels';
export * from './china-time';
export * from './public-hazard-view';
export * from './public-report-view';
export * from './open311-request';
export * from './public-venue-view';
export * from './open311-public-requests';
