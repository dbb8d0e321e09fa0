import { pino, type Logger } from 'pino';
import type { Env } from './env';

interface RequestLike {
  method?: string;
  url?: string;
  id?: string | number;
}

interface ReplyLike {
  statusCode?: number;
}

/**
 * Request logs keep method, path and status only: query strings can carry tRPC
 * inputs (receipts among them), headers carry cookies and API keys, and the
 * client address is not ours to keep (a whistleblower's address identifies them;
 * throttling uses a keyed hash instead). Redaction is a second line of defence
 * for anything that logs a whole object by mistake.
 */
export function createLogger(level: Env['LOG_LEVEL'], destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'firebreak' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-forwarded-for"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.receipt',
        '*.secret',
        '*.token',
        '*.api_key',
        '*.apiKey',
        '*.ip',
        '*.sealingKey',
        '*.receiptPepper',
        'DATABASE_URL',
        'FIREBREAK_SEALING_KEY',
        'FIREBREAK_RECEIPT_PEPPER',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: RequestLike) => ({
        id: req.id,
        method: req.method,
        path: req.url?.split('?')[0],
      }),
      res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
