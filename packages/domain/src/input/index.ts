export * from './storable-input';
export * from './served-area';
