export * from './money';
export * from './reward-rules';
export * from './default-reward-rules';
export * from './reward-factors';
export * from './compute-reward';
export * from './rules-in-force';
export * from './public-list';
