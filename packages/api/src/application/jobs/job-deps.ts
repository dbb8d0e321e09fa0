import type { Db } from '@firebreak/db';
import type { Services } from '../../context/services';

/** What every job is handed by its door (the runner): the database, the services, the clock and a logger. */
export interface JobDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: () => Date;
  readonly log?: (message: string, data?: Record<string, unknown>) => void;
}
