import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('logs the request path without its query string, headers or client address', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info(
      { req: { id: 'r1', method: 'GET', url: '/trpc/receipt.lookup?input=%7B%22code%22%3A%221234%22%7D', ip: '10.0.0.1', headers: { cookie: 'sid=abc' } } },
      'request',
    );
    const entry = JSON.parse(lines[0] ?? '{}') as { req: Record<string, unknown> };
    expect(entry.req).toEqual({ id: 'r1', method: 'GET', path: '/trpc/receipt.lookup' });
    expect(lines[0]).not.toContain('10.0.0.1');
    expect(lines[0]).not.toContain('1234');
    expect(lines[0]).not.toContain('sid=abc');
  });

  it('redacts secrets logged by mistake', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info(
      {
        user: { password: 'pw-123' },
        DATABASE_URL: 'postgres://u:pw-456@h/db',
        FIREBREAK_RECEIPT_PEPPER: 'pepper-789',
        body: { api_key: 'key-abc', receipt: '1234567890123456' },
        socket: { ip: '192.0.2.7' },
      },
      'oops',
    );
    for (const secret of ['pw-123', 'pw-456', 'pepper-789', 'key-abc', '1234567890123456', '192.0.2.7']) expect(lines[0]).not.toContain(secret);
    expect(lines[0]).toContain('[redacted]');
  });

  it('respects the level', () => {
    const { lines, stream } = capture();
    const log = createLogger('warn', stream);
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
  });
});
