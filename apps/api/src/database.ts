import type { Db, DbHandle } from '@firebreak/db';

/** What the server needs from a database handle: its kind for /healthz, a ping, and close for shutdown. */
export interface ServerDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db | null;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function serverDatabase(handle: DbHandle): ServerDatabase {
  return {
    kind: handle.driver,
    db: handle.db,
    // The cheapest statement that still needs a working connection (or PGlite instance).
    ping: async () => {
      await handle.db.execute('select 1');
    },
    close: () => handle.close(),
  };
}

export function pingDatabase(database: ServerDatabase): Promise<void> {
  return database.ping();
}
