import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontEndFixture, type FrontEndFixture } from '../../test/front-end-fixture';
import { buildApp } from '../app';

// Refusals raised before any procedure or route runs, each found by the hostile-input fuzz.
let fixture: FrontEndFixture;
let app: FastifyInstance;
beforeAll(async () => {
  fixture = await createFrontEndFixture();
  app = await buildApp({ logger: false, frontEndsDir: fixture.dir });
});
afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

type TrpcError = { error: { message: string; code: number; data: { httpStatus: number; code: string; domain: { code: string } | null } } };

describe('errors before a procedure runs are coded and in the caller’s language', () => {
  it('a multipart write to tRPC is a 415, not a 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/trpc/auth.login', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '' });
    expect(res.statusCode).toBe(415);
    const body = res.json<TrpcError>();
    expect(body.error.data.domain?.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    expect(body.error.message).toBe('请以 application/json 格式提交');
    expect(body.error.data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a batch gets one error per call', async () => {
    const res = await app.inject({ method: 'POST', url: '/trpc/auth.login,auth.logout?batch=1', headers: { 'content-type': 'text/plain', 'accept-language': 'en' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    const body = res.json<TrpcError[]>();
    expect(body).toHaveLength(2);
    expect(body[1]!.error.message).toBe('Send the request as application/json');
  });

  it('tRPC’s own refusals (wrong method, unknown procedure) carry a code and Chinese text', async () => {
    const wrongMethod = await app.inject({ method: 'POST', url: '/trpc/health', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.json<TrpcError>().error.data.domain?.code).toBe('REQUEST.WRONG_METHOD');
    expect(wrongMethod.json<TrpcError>().error.message).toBe('该操作不支持此请求方法');
    const unknown = await app.inject({ method: 'GET', url: '/trpc/no.such.thing', headers: { 'accept-language': 'en' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<TrpcError>().error).toMatchObject({ message: 'No such operation', data: { domain: { code: 'REQUEST.NO_SUCH_PROCEDURE' } } });
  });

  it('an undecodable URL under Open311 answers the GeoReport error list', async () => {
    const res = await app.inject({ method: 'GET', url: '/open311/v2/tokens/%ED%A0%80.json' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: number; description: string }[]>()).toEqual([{ code: 400, description: 'REQUEST.INVALID: 请求格式不正确 / The request is not valid' }]);
  });

  it('an undecodable URL elsewhere answers a coded JSON error', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz/%ED%A0%80', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID', message: 'The request is not valid' });
  });
});
