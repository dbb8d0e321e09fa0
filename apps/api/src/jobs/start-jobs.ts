import type { Services } from '@firebreak/api';
import type { DbHandle } from '@firebreak/db';
import type { Logger } from 'pino';
import type { Env } from '../env';
import { createChannels } from './channels';
import { startInProcessRunner, startPgBossRunner, type JobRunner } from './job-runner';

export type { JobRunner } from './job-runner';

/**
 * Starts the scheduled jobs for this server: pg-boss on PostgreSQL (any number of servers on
 * one database, no job twice), the same handlers on an in-process timer on PGlite (one process
 * per data directory). Says which channels are configured, never their addresses or secrets.
 */
export async function startJobs(input: {
  readonly env: Env;
  readonly handle: DbHandle;
  readonly services: Services;
  readonly logger: Logger;
  /** The upload store, for removing sealed originals past their retention. */
  readonly uploads: { remove(key: string): Promise<void> };
  readonly clock?: () => Date;
}): Promise<JobRunner> {
  const { env, handle, services, logger } = input;
  const channels = createChannels({
    ...(env.FIREBREAK_SMTP_URL ? { smtpUrl: env.FIREBREAK_SMTP_URL } : {}),
    ...(env.FIREBREAK_MAIL_FROM ? { mailFrom: env.FIREBREAK_MAIL_FROM } : {}),
    ...(env.FIREBREAK_WEBHOOK_URL ? { webhookUrl: env.FIREBREAK_WEBHOOK_URL } : {}),
    ...(env.FIREBREAK_WEBHOOK_SECRET ? { webhookSecret: env.FIREBREAK_WEBHOOK_SECRET } : {}),
  });
  const log = logger.child({ component: 'jobs' });
  if (env.FIREBREAK_WEBHOOK_URL && !env.FIREBREAK_WEBHOOK_SECRET) {
    // An unsigned webhook would let anyone who can reach the gateway forge messages: not sent.
    log.warn('FIREBREAK_WEBHOOK_URL is set without FIREBREAK_WEBHOOK_SECRET; SMS and hotline deliveries wait until both are set');
  }
  const deps = {
    db: handle.db,
    services,
    clock: input.clock ?? (() => new Date()),
    log: (message: string, data?: Record<string, unknown>) => log.info(data ?? {}, message),
  };
  const options = {
    deps,
    channels,
    removeOriginal: (key: string) => input.uploads.remove(key),
    retentionDays: env.FIREBREAK_WHISTLEBLOWER_RETENTION_DAYS,
    intervalSeconds: env.FIREBREAK_JOBS_INTERVAL_SECONDS,
  };
  const runner =
    handle.driver === 'postgres' && env.DATABASE_URL
      ? await startPgBossRunner({
          ...options,
          connectionString: env.DATABASE_URL,
          // One line per job run: with several servers, the logs show each job ran on one of them.
          onJob: (job, jobId) => log.info({ job, jobId }, 'job run'),
        })
      : startInProcessRunner(options);
  log.info(
    {
      engine: runner.engine,
      intervalSeconds: env.FIREBREAK_JOBS_INTERVAL_SECONDS,
      retentionDays: env.FIREBREAK_WHISTLEBLOWER_RETENTION_DAYS,
      email: channels.email ? 'smtp' : 'not configured',
      sms: channels.sms ? 'webhook' : 'not configured',
      hotline: channels.hotline ? 'webhook' : 'not configured',
    },
    'job runner started',
  );
  return {
    engine: runner.engine,
    runNow: (name) => runner.runNow(name),
    async stop() {
      await runner.stop();
      channels.close();
    },
  };
}
