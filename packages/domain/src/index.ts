// Public surface of the kernel. Each area re-exports its own index.
export * from './common/index';
export * from './catalog/index';
export * from './org/index';
export * from './calendar/index';
export * from './enforcement/index';
export * from './gb35181/index';
export * from './lifecycles/index';
export * from './rewards/index';
export * from './sampling/index';
export * from './duplicates/index';
export * from './projections/index';
export * from './input/index';
export * from './jobs/index';
export * from './work/waiting-steps';
export * from './campaigns/index';
export * from './venues/index';
export * from './geo/index';
