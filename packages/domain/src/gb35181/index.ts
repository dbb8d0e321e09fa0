export * from './rule-table';
export * from './gb35181-2017';
export * from './determine-major-hazard';
export * from './apply-expert-override';
export * from './validate-collective-decision';
export * from './decide-major-hazard';
export * from './venue-classes';
export * from './check-determiner';
