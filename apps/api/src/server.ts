import { join } from 'node:path';
import { createServices, hashPassword } from '@firebreak/api';
import { createDb, createSealer, startAuditSealer } from '@firebreak/db';
import { buildApp } from './app';
import { serverDatabase } from './database';
import { findRepoRoot, loadEnv } from './env';
import { createLogger } from './logger';
import { resolveSecrets } from './secrets';
import { startJobs, type JobRunner } from './jobs/start-jobs';
import { seedDemoIfEmpty } from './seed/seed-demo';
import { openBlobStore } from './uploads/index';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const repoRoot = findRepoRoot();
  // Before the database opens: a production server without its keys must not touch data.
  const secrets = resolveSecrets(env);
  if (secrets.generated.length > 0) {
    logger.warn({ variables: secrets.generated, dataDir: env.FIREBREAK_DATA_DIR }, 'using development keys kept in the data dir; set these variables in production');
  }

  // Never log DATABASE_URL itself: it usually carries a password.
  const handle = env.DATABASE_URL
    ? await createDb({ url: env.DATABASE_URL })
    : await createDb({ dataDir: join(env.FIREBREAK_DATA_DIR, 'pglite') });
  const database = serverDatabase(handle);
  // Uploads: the data dir by default; a bucket shared by every server when FIREBREAK_STORAGE_URL names one.
  const uploads = openBlobStore(env.FIREBREAK_STORAGE_URL ?? { kind: 'dir', dir: join(env.FIREBREAK_DATA_DIR, 'uploads') });
  logger.info({ storage: uploads.location }, 'upload storage');
  const services = createServices({
    sealer: createSealer(secrets.sealingKey),
    receiptPepper: secrets.receiptPepper,
    ...(env.FIREBREAK_RECEIPT_LOOKUPS_PER_MINUTE ? { receiptLookupsPerMinute: env.FIREBREAK_RECEIPT_LOOKUPS_PER_MINUTE } : {}),
    whistleblowerRetentionDays: env.FIREBREAK_WHISTLEBLOWER_RETENTION_DAYS,
  });

  // A real deployment (production on its own PostgreSQL) starts empty; everything else gets the demo city.
  const production = env.NODE_ENV === 'production' && env.DATABASE_URL !== undefined;
  if (!production) {
    const seeded = await seedDemoIfEmpty(handle.db, {
      hashPassword,
      services,
      now: new Date(),
      uploadsDir: uploads,
      log: (message) => logger.info(message),
    });
    // The demo key is public (the README lists it); printed once for whoever started the server.
    if (seeded.open311ApiKey) console.log(`Demo Open311 api_key: ${seeded.open311ApiKey}`);
  }

  // Seals committed audit entries into Merkle batches (docs/adr/0003-audit-sealing.md); the interval bounds the merge delay.
  const auditSealer = env.FIREBREAK_AUDIT_SEAL_MS > 0 ? startAuditSealer(handle.db, { intervalMs: env.FIREBREAK_AUDIT_SEAL_MS, onError: (err) => logger.error({ err }, 'audit sealer failed') }) : null;

  const app = await buildApp({
    db: database,
    services,
    logger,
    frontEndsDir: join(repoRoot, 'apps'),
    uploadsStore: uploads,
    cookieSecure: env.FIREBREAK_COOKIE_SECURE,
    ...(env.FIREBREAK_TRUST_PROXY !== undefined ? { trustProxy: env.FIREBREAK_TRUST_PROXY } : {}),
    deployment: env.NODE_ENV === 'production' ? 'production' : 'test',
  });

  let jobs: JobRunner | null = null;
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    let code = 0;
    try {
      await app.close(); // stop accepting, finish in-flight requests
    } catch (error) {
      code = 1;
      logger.error({ err: error }, 'closing the HTTP server failed');
    }
    await auditSealer?.stop();
    try {
      await jobs?.stop(); // let a running job finish before the database closes
    } catch (error) {
      code = 1;
      logger.error({ err: error }, 'stopping the job runner failed');
    }
    try {
      await database.close(); // after HTTP, so no request sees a closed database
    } catch (error) {
      code = 1;
      logger.error({ err: error }, 'closing the database failed');
    }
    process.exit(code);
  };
  process.once('SIGINT', (s) => void shutdown(s));
  process.once('SIGTERM', (s) => void shutdown(s));

  // Fastify logs one line per network interface; we want exactly one.
  const level = app.log.level;
  app.log.level = 'warn';
  try {
    await app.listen({ port: env.PORT, host: env.HOST });
  } finally {
    app.log.level = level;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  if (env.FIREBREAK_JOBS && !closing) {
    jobs = await startJobs({ env, handle, services, logger, uploads });
  }
  logger.info({ port, database: database.kind }, `Firebreak listening on http://${shownHost}:${port}`);
}

main().catch((error: unknown) => {
  // Startup failures go to stderr in plain text: the operator reads them, not a log pipeline.
  console.error('Firebreak failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
