import { runDeadlineJob, runOutboxJob, runRetentionJob, type JobDeps, type NotificationChannels, type RemoveOriginal } from '@firebreak/api';
import PgBoss from 'pg-boss';

/** The scheduled jobs, by queue name. Each is idempotent: a second run finds nothing left to do. */
export const JOB_NAMES = ['deadlines', 'outbox', 'retention'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobRunnerOptions {
  readonly deps: JobDeps;
  readonly channels: NotificationChannels;
  /** Removes a sealed upload original (the server's blob store). */
  readonly removeOriginal: RemoveOriginal;
  /** Whistleblower material is purged this many days after its report was finished with. */
  readonly retentionDays: number;
  /** How often each job runs (seconds). */
  readonly intervalSeconds: number;
}

export interface JobRunner {
  readonly engine: 'pg-boss' | 'in-process';
  /** Runs one job now in this process (tests, and the in-process tick). */
  runNow(name: JobName): Promise<unknown>;
  stop(): Promise<void>;
}

export function jobHandlers(options: Pick<JobRunnerOptions, 'deps' | 'channels' | 'removeOriginal' | 'retentionDays'>): Record<JobName, () => Promise<unknown>> {
  const { deps, channels } = options;
  return {
    deadlines: () => runDeadlineJob(deps),
    outbox: () => runOutboxJob(deps, channels),
    retention: () => runRetentionJob(deps, options.removeOriginal, { policy: { whistleblowerDays: options.retentionDays } }),
  };
}

/**
 * PGlite (the zero-setup default): one process owns the data directory (the lock file), so an
 * in-process timer is enough. The jobs run one after the other and a tick never overlaps the
 * previous one.
 */
export function startInProcessRunner(options: JobRunnerOptions): JobRunner {
  const handlers = jobHandlers(options);
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      for (const name of JOB_NAMES) {
        if (stopped) break;
        try {
          await handlers[name]();
        } catch (error) {
          options.deps.log?.('job failed; it runs again on the next tick', { job: name, error: error instanceof Error ? error.message : String(error) });
        }
      }
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, options.intervalSeconds * 1000);
  timer.unref();
  setImmediate(tick);
  return {
    engine: 'in-process',
    runNow: (name) => handlers[name](),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

const TRANSIENT_CODES = new Set(['40P01', '40001', '23505', '42P07']);

function isTransient(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

async function retryTransient<T>(fn: () => Promise<T>, log?: JobDeps['log'], attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !isTransient(error)) throw error;
      log?.('job runner setup collided with another server; retrying', { attempt: i, code: (error as { code: string }).code });
      await new Promise((r) => setTimeout(r, 100 * i + Math.floor(Math.random() * 200)));
    }
  }
}

/**
 * PostgreSQL: pg-boss (docs/adr/0002-job-runner.md). Every server process starts it; each
 * enqueues a tick per job and interval with a singleton key for that time slot, so however many
 * processes run there is one tick job per slot, and a job is fetched by exactly one worker
 * (SKIP LOCKED). The queue policy `stately` allows one queued and one active job per queue.
 */
export async function startPgBossRunner(
  options: JobRunnerOptions & { readonly connectionString: string; readonly schema?: string; readonly onJob?: (name: JobName, jobId: string) => void },
): Promise<JobRunner & { readonly boss: PgBoss; trigger(name: JobName): Promise<string | null> }> {
  const handlers = jobHandlers(options);
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'pgboss',
    max: 3,
    application_name: 'firebreak-jobs',
    // Our jobs are ticks, not cron: the timer below enqueues them.
    schedule: false,
  });
  boss.on('error', (error) => options.deps.log?.('pg-boss error', { error: error.message }));
  // Servers started together install pg-boss's schema and queues at the same moment; PostgreSQL
  // may then pick one as a deadlock victim or refuse a duplicate. Both are safe to retry.
  await retryTransient(() => boss.start(), options.deps.log);
  for (const name of JOB_NAMES) {
    await retryTransient(async () => {
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name, { name, policy: 'stately', retryLimit: 2, retryDelay: 5, expireInSeconds: 15 * 60 });
      }
    }, options.deps.log);
    await boss.work(name, { pollingIntervalSeconds: Math.min(2, options.intervalSeconds) }, async (jobs) => {
      for (const job of jobs) {
        options.onJob?.(name, job.id);
        await handlers[name]();
      }
    });
  }
  const slot = Math.max(1, Math.round(options.intervalSeconds));
  const trigger = (name: JobName) => boss.send(name, {}, { singletonKey: `tick:${name}`, singletonSeconds: slot });
  const enqueue = async () => {
    for (const name of JOB_NAMES) {
      try {
        await trigger(name);
      } catch (error) {
        options.deps.log?.('could not enqueue job', { job: name, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  const timer = setInterval(() => void enqueue(), slot * 1000);
  timer.unref();
  await enqueue();
  return {
    engine: 'pg-boss',
    boss,
    trigger,
    runNow: (name) => handlers[name](),
    async stop() {
      clearInterval(timer);
      // Inside the server's 10 s shutdown grace, with room for closing HTTP and the database.
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
