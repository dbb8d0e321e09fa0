import { loadOrCreateDevKey } from '@firebreak/db';
import { EnvError, type Env } from './env';

export interface ServerSecrets {
  /** base64 AES-256 key for the sealer. */
  readonly sealingKey: string;
  readonly receiptPepper: string;
  /** Which values were generated into the data dir (never both from there in production). */
  readonly generated: readonly ('FIREBREAK_SEALING_KEY' | 'FIREBREAK_RECEIPT_PEPPER')[];
}

export const DEV_SEALING_KEY_FILE = 'sealing.dev.key';
export const DEV_RECEIPT_PEPPER_FILE = 'receipt-pepper.dev.key';

/**
 * The sealing key and the receipt pepper, from the environment or, for a
 * development or embedded setup, from files generated once into the data dir
 * (mode 0600, beside the PGlite files they protect, never in the repository).
 *
 * A production deployment on a shared PostgreSQL must bring its own: keys that
 * silently appear on one server's disk would be lost with that disk, and with
 * them every sealed identity and every receipt.
 */
export function resolveSecrets(env: Env): ServerSecrets {
  const missing = (['FIREBREAK_SEALING_KEY', 'FIREBREAK_RECEIPT_PEPPER'] as const).filter((name) => env[name] === undefined);
  if (missing.length > 0 && env.DATABASE_URL !== undefined && env.NODE_ENV === 'production') {
    throw new EnvError(
      missing.map(
        (name) =>
          `${name}: required when NODE_ENV=production and DATABASE_URL is set; development keys are only generated for the embedded database or outside production`,
      ),
    );
  }
  return {
    sealingKey: env.FIREBREAK_SEALING_KEY ?? loadOrCreateDevKey(env.FIREBREAK_DATA_DIR, DEV_SEALING_KEY_FILE),
    // A fresh random 256-bit value in base64 is as good a pepper as a key.
    receiptPepper: env.FIREBREAK_RECEIPT_PEPPER ?? loadOrCreateDevKey(env.FIREBREAK_DATA_DIR, DEV_RECEIPT_PEPPER_FILE),
    generated: missing,
  };
}
