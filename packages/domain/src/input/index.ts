export * from './storable-input';
export * from './served-area';
export * from './intake-location';
