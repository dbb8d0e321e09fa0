export * from './system-actors';
export * from './overdue-decisions';
export * from './delivery-backoff';
export * from './notification-templates';
export * from './retention';
export * from './delivery-channels';
