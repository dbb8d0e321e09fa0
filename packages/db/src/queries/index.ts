// Queries take `db` first, so the server pool, PGlite and a transaction all fit.
export * from './sessions';
export * from './reference';
export * from './lifecycle';
export * from './org';
