import { pino, type Logger } from 'pino';
import type { Env } from './env';

interface RequestLike {
  method?: string;
  url?: string;
  id?: string | number;
  ip?: string;
}

interface ReplyLike {
  statusCode?: number;
}

/**
 * Request logs keep method, path and status only: query strings can carry tRPC
 * inputs, and headers carry cookies. Redaction is a second line of defence for
 * anything that logs a whole object by mistake.
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
        'res.headers["set-cookie"]',
        '*.password',
        '*.receipt',
        '*.secret',
        '*.token',
        'DATABASE_URL',
        'FIREBREAK_SECRET_KEY',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: RequestLike) => ({
        id: req.id,
        method: req.method,
        path: req.url?.split('?')[0],
        ip: req.ip,
      }),
      res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
