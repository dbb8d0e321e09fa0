// Shared React pieces for the three front ends. The CSS kit is a separate entry
// (`@firebreak/ui/kit.css`) so the Ant Design console does not load it.
export * from './i18n/index';
export * from './layout/index';
export * from './health/index';
export * from './upload/index';
export * from './receipt/index';
export * from './text/use-text';
export * from './layout/page-boundary';
