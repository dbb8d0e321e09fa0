export * from './errors';
export * from './roles';
export * from './actor';
export * from './context';
export * from './effects';
export * from './canonical-json';
export * from './error-catalogue';
