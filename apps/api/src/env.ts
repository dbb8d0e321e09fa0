import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseStorageUrl, StorageUrlError, type S3StorageConfig } from './uploads/storage-url';

/**
 * The repository root, found by walking up from this module to pnpm-workspace.yaml.
 * Works the same from src/ (tsx) and from the esbuild bundle in dist/.
 */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

// Shells export unset variables as '' in some setups; treat blank as absent.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isBase64Key(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return Buffer.from(value, 'base64').length === 32;
}

export function envSchema(repoRoot: string) {
  return z.object({
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: z.preprocess(blankToUndefined, z.string().min(1).default('0.0.0.0')),
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    FIREBREAK_DATA_DIR: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default(join(repoRoot, '.data'))
        .transform((p) => resolve(p)),
    ),
    LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(LOG_LEVELS).default('info')),
    NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'production', 'test']).default('development')),
    /** base64 of a 256-bit AES key; the sealer for identities, payment details and upload originals. */
    FIREBREAK_SEALING_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(isBase64Key, 'must be base64 of exactly 32 bytes (generate one with `openssl rand -base64 32`)')
        .optional(),
    ),
    /** Secret mixed into receipt lookup hashes; it must never change once receipts exist. */
    FIREBREAK_RECEIPT_PEPPER: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    /** How often the audit sealer runs in this process (ms); 0 turns it off (another process or a job seals). */
    FIREBREAK_AUDIT_SEAL_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3_600_000).default(1000)),
    /** Mark cookies Secure even on plain HTTP (TLS ended at a gateway in front of this server). */
    FIREBREAK_COOKIE_SECURE: z.preprocess(blankToUndefined, z.enum(['true', 'false']).default('false').transform((v) => v === 'true')),
    /**
     * Addresses of reverse proxies whose X-Forwarded-For / -Proto to believe (comma separated
     * addresses or CIDRs, or a hop count). Unset: the socket address is the client.
     */
    FIREBREAK_TRUST_PROXY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'must be a hop count or a comma-separated list of addresses or CIDRs')
        .transform((v): number | string[] => (/^\d+$/.test(v) ? Number(v) : v.split(',').map((a) => a.trim())))
        .optional(),
    ),
    /** Receipt lookups all clients together may make per minute (default 3000); guessing from many addresses meets it. */
    FIREBREAK_RECEIPT_LOOKUPS_PER_MINUTE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, 'must be a positive whole number').optional()),
    /**
     * Where uploads live when not in `<data dir>/uploads`: an S3-compatible bucket
     * (s3://KEY:SECRET@host[:port]/bucket, or s3+http:// for plain HTTP), shared by
     * several servers. Parsed here; the message on a bad value never repeats it.
     */
    FIREBREAK_STORAGE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform((v, ctx): S3StorageConfig | typeof z.NEVER => {
          try {
            return parseStorageUrl(v);
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: error instanceof StorageUrlError ? error.message.replace(/^FIREBREAK_STORAGE_URL: /, '') : 'invalid' });
            return z.NEVER;
          }
        })
        .optional(),
    ),
    /** The scheduled jobs (deadlines, outbox delivery): on unless 'false' (docs/operations.md). */
    FIREBREAK_JOBS: z.preprocess(blankToUndefined, z.enum(['true', 'false']).default('true').transform((v) => v === 'true')),
    /** How often each job runs, in seconds. */
    FIREBREAK_JOBS_INTERVAL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3600).default(30)),
    /** Days after a whistleblower report is finished with before its sealed identity and originals are purged. */
    FIREBREAK_WHISTLEBLOWER_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(36500).default(1095)),
    /** Notification mail: smtp://user:pass@host:port or smtps://… Unset: email deliveries wait. */
    FIREBREAK_SMTP_URL: z.preprocess(blankToUndefined, z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional()),
    FIREBREAK_MAIL_FROM: z.preprocess(blankToUndefined, z.string().min(3).max(200).optional()),
    /** SMS gateway and hotline callback webhook (HTTPS in production); signed with the secret below. */
    FIREBREAK_WEBHOOK_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    FIREBREAK_WEBHOOK_SECRET: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  });
}

export type Env = z.infer<ReturnType<typeof envSchema>>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n  ${issues.join('\n  ')}`);
    this.name = 'EnvError';
  }
}

/**
 * The only reader of process.env in the server. Error messages name the variable
 * and the rule, never the value (DATABASE_URL, the sealing key and the pepper are secrets).
 */
export function loadEnv(source: Readonly<Record<string, string | undefined>> = process.env, repoRoot = findRepoRoot()): Env {
  const parsed = envSchema(repoRoot).safeParse(source);
  if (parsed.success) return parsed.data;
  throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
}
