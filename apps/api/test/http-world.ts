import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { insertApiKey } from '@firebreak/db';
import type { pino } from 'pino';
// The router tests' world (two districts, one user per role); packages/api keeps it out of its index.
import { createWorld, WORLD_PASSWORD, type World, type WorldUserKey } from '@firebreak/api/testing';
import { buildApp, type BuildAppOptions } from '../src/app';
import { serverDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { createFrontEndFixture, type FrontEndFixture } from './front-end-fixture';

export interface HttpWorld {
  readonly world: World;
  readonly app: FastifyInstance;
  readonly uploadsDir: string;
  /** Every log line the server wrote. */
  readonly logLines: string[];
  /** A plain-text Open311 key for an integrator seated in 甲区. */
  readonly apiKey: string;
  readonly apiKeyId: string;
  /** Signs in over HTTP (from an address of its own, so login throttles do not add up) and returns the Cookie header. */
  login(user: WorldUserKey): Promise<string>;
  files(): Promise<string[]>;
  close(): Promise<void>;
}

let addressCounter = 10;

/** A fresh address per call: each test client looks like a different machine to the rate limits. */
export function nextAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter % 250}`;
}

export function sessionCookieFrom(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const header = (Array.isArray(raw) ? raw : [raw]).find((c) => typeof c === 'string' && c.startsWith('fb_session='));
  if (!header) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return header.split(';')[0]!;
}

export async function createHttpWorld(options: Partial<BuildAppOptions> = {}): Promise<HttpWorld> {
  const world = await createWorld();
  const uploadsDir = await mkdtemp(join(tmpdir(), 'fb-uploads-'));
  const fixture: FrontEndFixture = await createFrontEndFixture();
  const logLines: string[] = [];
  const stream: pino.DestinationStream = { write: (line: string) => void logLines.push(line) };
  const app = await buildApp({
    logger: createLogger('info', stream),
    frontEndsDir: fixture.dir,
    db: serverDatabase(world.db),
    services: world.services,
    clock: () => world.now,
    uploadsDir,
    deployment: 'test',
    ...options,
  });
  const apiKey = `fb-test-${randomBytes(16).toString('hex')}`;
  const apiKeyId = await insertApiKey(world.db.db, {
    keyHash: createHash('sha256').update(apiKey).digest('hex'),
    name: '12345 热线（测试）',
    jurisdictionId: world.j.districtA,
  });
  return {
    world,
    app,
    uploadsDir,
    logLines,
    apiKey,
    apiKeyId,
    async login(user) {
      const res = await app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        remoteAddress: nextAddress(),
        payload: { username: world.users[user].username, password: WORLD_PASSWORD },
      });
      return sessionCookieFrom(res);
    },
    files: () => readdir(uploadsDir),
    async close() {
      await app.close();
      await world.close();
      await fixture.cleanup();
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}

export interface MultipartPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Buffer | string;
}

/** A multipart/form-data body as a browser's FormData would send it. */
export function multipartBody(parts: readonly MultipartPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----firebreak${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
