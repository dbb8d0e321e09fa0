export * from './campaign-figures';
export * from './campaign-rollup';
export * from './cadence-period';
export * from './cadence-report';
export * from './task-commands';
