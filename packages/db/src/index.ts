// Public surface of @firebreak/db. The schema is also importable alone from
// '@firebreak/db/schema', the test database from '@firebreak/db/testing'.
export { createDb, type CreateDbOptions, type DbHandle } from './create-db';
export { queryRows, schema, type Db, type Schema } from './database';
export { acquireDataDirLock, LOCK_FILE_NAME, type DataDirLock, type LockHolder } from './data-dir-lock';
export { DbError, isDbError } from './errors';
export { migrate, MIGRATIONS_FOLDER, type MigrateOptions } from './migrate';
export * from './schema/index';
export * from './sealing/index';
export * from './audit/index';
export * from './transitions/index';
export * from './idempotency/index';
export * from './queries/index';
