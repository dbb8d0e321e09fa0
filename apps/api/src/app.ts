import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { appRouter, createContext, type AppRouter, type Clock, type Services } from '@firebreak/api';
import { pingDatabase, type ServerDatabase } from './database';
import { frontEndFor, isApiPath, isSourceMapPath, locateFrontEnds, logicalFilePath, looksLikePageRoute } from './front-ends';
import { addTrpcRateLimits, createClientKeyer, createHttpBridge, DEFAULT_RATE_LIMITS, type RateLimits } from './http/index';
import { exportRoutes } from './exports/hazards-xlsx';
import { bulletinExportRoutes } from './exports/bulletin-xlsx';
import { venueExportRoutes } from './exports/venues-xlsx';
import { venueImportRoutes } from './imports/venues-import';
import { codedErrorFor, isRefusedTrpcContentType, replyWithCodedError, trpcErrorBody } from './http/error-replies';
import { TRPC_ROUTE } from './http/rate-limits';
import { OPEN311_PREFIX, open311Routes } from './open311/index';
import { helmetOptions } from './security-headers';
import { createEvidenceStore, uploadRoutes, type BlobStore, type DisplayLimits } from './uploads/index';

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
  /** Sealer, pepper, reference cache, throttles: absent only when there is no database. */
  readonly services?: Services | null;
  /** Where upload files live (`<data dir>/uploads`); uploads answer 503 without it. */
  readonly uploadsDir?: string | null;
  /** Where upload files live when not in a local directory (an S3-compatible bucket); wins over uploadsDir. */
  readonly uploadsStore?: BlobStore | null;
  /** Mark cookies Secure on plain HTTP too (TLS ended at a gateway). */
  readonly cookieSecure?: boolean;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* to believe. */
  readonly trustProxy?: boolean | number | readonly string[];
  /** Keys the client-address hash; a fresh random one per process by default. */
  readonly clientKeySecret?: Uint8Array;
  readonly rateLimits?: Partial<RateLimits>;
  readonly uploadLimits?: { readonly maxBytes?: number; readonly display?: DisplayLimits };
  /** Told to Open311 clients in discovery.json. */
  readonly deployment?: 'production' | 'test';
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

/** A hop count trusts that many proxies nearest to us (fastify's types take it only as a function). */
function trustProxyOption(value: BuildAppOptions['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  if (typeof value === 'object') return [...value];
  return value ?? false;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { db = null, frontEndsDir } = options;
  const clock: Clock = options.clock ?? (() => new Date());
  const healthTimeoutMs = options.healthTimeoutMs ?? 3000;

  const app: FastifyInstance = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // httpBatchLink puts every batched procedure name in the path.
    routerOptions: { maxParamLength: 5000 },
    trustProxy: trustProxyOption(options.trustProxy),
    // An undecodable URL (`%ED%A0%80`) is answered before routing: coded like every other error.
    frameworkErrors: (error, request, reply) => {
      void replyWithCodedError(error, request, reply);
    },
  });

  const services = options.services ?? null;
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const clientKey = createClientKeyer(options.clientKeySecret);
  const cookiePolicy = { forceSecure: options.cookieSecure ?? false };
  const keyOf = (request: FastifyRequest) => clientKey(request.ip);
  // One context per exchange: the session cookie, a client key instead of the address, the clock.
  const contextFor = (request: FastifyRequest, reply: FastifyReply) =>
    createContext({ req: request }, { db: db?.db ?? null, services, clock, http: createHttpBridge(request, reply, clientKey, cookiePolicy) });

  // Errors fastify raises before a route runs (no parser for the content type, body too large) and
  // any uncaught error: a coded answer in the caller's language (Open311 and uploads have their own).
  app.setErrorHandler(replyWithCodedError);

  await app.register(helmet, helmetOptions);
  await app.register(cookie);
  await app.register(rateLimit, { global: false, keyGenerator: keyOf });
  addTrpcRateLimits(app, limits, keyOf);

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== TRPC_ROUTE || !isRefusedTrpcContentType(request.method, request.headers['content-type'])) return undefined;
    return reply.code(415).header('cache-control', NO_STORE).send(trpcErrorBody(request, 415, codedErrorFor(415)));
  });

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
      createContext: ({ req, res }) => contextFor(req, res),
      onError({ path, error }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error, path }, 'tRPC procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await app.register(open311Routes, {
    prefix: OPEN311_PREFIX,
    db: db?.db ?? null,
    services,
    clock,
    rateLimit: limits.open311Post,
    clientKey: keyOf,
    deployment: options.deployment ?? 'production',
  });

  await app.register(uploadRoutes, {
    db: db?.db ?? null,
    services,
    store: services && (options.uploadsStore ?? options.uploadsDir) ? createEvidenceStore((options.uploadsStore ?? options.uploadsDir)!, services.sealer) : null,
    contextFor,
    rateLimit: limits.uploads,
    rateLimitKey: keyOf,
    ...(options.uploadLimits?.maxBytes !== undefined ? { maxBytes: options.uploadLimits.maxBytes } : {}),
    ...(options.uploadLimits?.display ? { display: options.uploadLimits.display } : {}),
  });

  await app.register(exportRoutes, { contextFor });
  await app.register(bulletinExportRoutes, { contextFor });
  await app.register(venueExportRoutes, { contextFor });
  await app.register(venueImportRoutes, { contextFor });

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
      // `<file>.br` / `<file>.gz` written at build time (tooling/precompress) go out with
      // Content-Encoding and Vary: Accept-Encoding when the browser accepts them.
      preCompressed: true,
      // Source maps from an older build must not publish the source.
      allowedPath: (pathname) => !isSourceMapPath(pathname),
      setHeaders: (reply, sentPath) => {
        // With preCompressed the file sent may be `index.html.br`: classify the logical file.
        const filePath = logicalFilePath(sentPath);
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
