import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

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
    FIREBREAK_SECRET_KEY: z.preprocess(
      blankToUndefined,
      z.string().min(32, 'must be at least 32 characters').optional(),
    ),
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
 * and the rule, never the value (DATABASE_URL and the secret key hold credentials).
 */
export function loadEnv(source: Readonly<Record<string, string | undefined>> = process.env, repoRoot = findRepoRoot()): Env {
  const parsed = envSchema(repoRoot).safeParse(source);
  if (parsed.success) return parsed.data;
  throw new EnvError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
}
