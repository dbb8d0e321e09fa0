import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { appRouter, createContext, type AppRouter, type Clock } from '@firebreak/api';
import { pingDatabase, type ServerDatabase } from './database';
import { frontEndFor, isApiPath, locateFrontEnds, looksLikePageRoute } from './front-ends';
import { helmetOptions } from './security-headers';

export interface BuildAppOptions {
  /** Absent when the server runs without a database; /healthz then reports 'none'. */
  readonly db?: ServerDatabase | null;
  /** A pino logger, or false for silence (tests). */
  readonly logger: FastifyBaseLogger | false;
  /** The `apps/` directory: each front end is served from `<frontEndsDir>/<name>/dist`. */
  readonly frontEndsDir: string;
  readonly clock?: Clock;
  /** How long /healthz waits for the database before answering 503. */
  readonly healthTimeoutMs?: number;
}

export interface HealthzBody {
  readonly status: 'ok' | 'unavailable';
  readonly service: 'firebreak';
  readonly database: 'pglite' | 'postgres' | 'none';
  readonly time: string;
  readonly error?: string;
}

const NO_STORE = 'no-store';
const INDEX_CACHE = 'no-cache';
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const OTHER_FILE_CACHE = 'public, max-age=3600';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { db = null, frontEndsDir } = options;
  const clock: Clock = options.clock ?? (() => new Date());
  const healthTimeoutMs = options.healthTimeoutMs ?? 3000;

  const app: FastifyInstance = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // httpBatchLink puts every batched procedure name in the path.
    routerOptions: { maxParamLength: 5000 },
    trustProxy: false,
  }) as unknown as FastifyInstance;

  await app.register(helmet, helmetOptions);

  // API answers are per-user and per-moment; no browser or proxy may keep them.
  app.addHook('onRequest', async (request, reply) => {
    if (isApiPath(request.url)) reply.header('cache-control', NO_STORE);
  });

  app.get('/healthz', async (_request, reply): Promise<HealthzBody> => {
    const time = clock().toISOString();
    if (!db) return { status: 'ok', service: 'firebreak', database: 'none', time };
    try {
      await withTimeout(pingDatabase(db), healthTimeoutMs);
      return { status: 'ok', service: 'firebreak', database: db.kind, time };
    } catch (error) {
      app.log.error({ err: error }, 'health check: database did not answer');
      reply.code(503);
      return { status: 'unavailable', service: 'firebreak', database: db.kind, time, error: 'database unavailable' };
    }
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => createContext({ req }, { db: db?.db ?? null, clock }),
      onError({ path, error }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error, path }, 'tRPC procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const frontEnds = locateFrontEnds(frontEndsDir);
  let decorated = false;
  for (const fe of frontEnds) {
    if (!fe.built) {
      app.log.warn({ frontEnd: fe.name, root: fe.root }, 'front end not built; run `pnpm build`');
      continue;
    }
    await app.register(fastifyStatic, {
      root: fe.root,
      prefix: fe.prefix,
      // Only the first registration may add reply.sendFile.
      decorateReply: !decorated,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const cache = filePath.endsWith('index.html')
          ? INDEX_CACHE
          : /[\\/]assets[\\/]/.test(filePath)
            ? ASSET_CACHE
            : OTHER_FILE_CACHE;
        reply.header('cache-control', cache);
      },
    });
    decorated = true;
    if (fe.prefix !== '/') {
      const bare = fe.prefix.slice(0, -1);
      app.get(bare, async (_request, reply) => reply.redirect(fe.prefix, 301));
    }
  }

  const sendIndex = (reply: FastifyReply, root: string) =>
    reply.header('cache-control', INDEX_CACHE).type('text/html; charset=utf-8').sendFile('index.html', root, { cacheControl: false });

  // SPA fallback: unknown page routes under a front end's prefix get its index.html
  // so client-side routing can take over; API paths and missing files stay 404.
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (isRead && !isApiPath(path) && looksLikePageRoute(path)) {
      const fe = frontEndFor(frontEnds, path);
      if (fe?.built) return sendIndex(reply, fe.root);
      if (fe) {
        return reply
          .code(503)
          .header('cache-control', NO_STORE)
          .type('text/html; charset=utf-8')
          .send(`<!doctype html><meta charset="utf-8"><title>Firebreak</title><p>前端尚未构建 / The ${fe.name} front end has not been built. Run <code>pnpm build</code>.</p>`);
      }
    }
    return reply.code(404).send({ error: 'Not Found', message: `${request.method} ${path} not found`, statusCode: 404 });
  });

  return app;
}
