import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runOutboxJob } from '@firebreak/api';
import { createWorld, type World } from '@firebreak/api/testing';
import { DEFAULT_DELIVERY_POLICY } from '@firebreak/domain';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels, DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './channels';

const tier = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const SECRET = 'test-webhook-secret-0123456789abcdef';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}
interface Hook {
  headers: IncomingHttpHeaders;
  body: string;
}

let world: World;
let smtp: SMTPServer;
let smtpPort: number;
const mails: Mail[] = [];
let http: Server;
let httpPort: number;
const hooks: Hook[] = [];
let failing = false;

beforeAll(async () => {
  world = await createWorld();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (b: Buffer) => (raw += b.toString('utf8')));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  http = createServer((req, res) => {
    let body = '';
    req.on('data', (b: Buffer) => (body += b.toString('utf8')));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      res.statusCode = failing ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpPort = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await new Promise<void>((resolve) => http?.close(() => resolve()));
  await world?.close();
});

async function acceptedReport(contact: { name: string; phone: string; email?: string }): Promise<string> {
  const r = await world.public().public.reports.submit({
    idempotencyKey: randomUUID(),
    riskCategory: 'evacuation_blocked',
    description: '安全出口被货物堵塞',
    location: { lat: 30.0, lng: 120.0, address: '甲区人民路1号' },
    venueId: world.venues.A,
    contact,
  });
  await world.as('inspectorA1').reports.accept({ id: r.reportId });
  return r.reportId;
}

const deps = () => ({ db: world.db.db, services: world.services, clock: () => world.now });

describe(`notification channels (${tier})`, () => {
  it('delivers email over SMTP to the contact and SMS as a signed webhook, each once', async () => {
    const channels = createChannels({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailFrom: 'Firebreak <notify@firebreak.test>', webhookUrl: `http://127.0.0.1:${httpPort}/sms`, webhookSecret: SECRET });
    try {
      const reportId = await acceptedReport({ name: '张三', phone: '13800001234', email: 'reporter@example.test' });
      const result = await runOutboxJob(deps(), channels);
      expect(result.dead).toBe(0);

      const mail = mails.find((m) => m.to.includes('reporter@example.test'));
      expect(mail, 'the SMTP server received the mail').toBeDefined();
      expect(mail!.from).toBe('notify@firebreak.test');
      expect(mail!.raw).toMatch(/Subject: /);
      expect(mail!.raw).toMatch(/X-Firebreak-Delivery: [0-9a-f-]{36}/);

      const hook = hooks.find((h) => h.body.includes('13800001234'));
      expect(hook, 'the webhook received the SMS').toBeDefined();
      const ts = hook!.headers[TIMESTAMP_HEADER] as string;
      expect(hook!.headers[SIGNATURE_HEADER]).toBe(`sha256=${webhookSignature(SECRET, ts, hook!.body)}`);
      expect(hook!.headers[SIGNATURE_HEADER]).not.toBe(`sha256=${webhookSignature('another-secret-0123456789abcdefgh', ts, hook!.body)}`);
      expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
      const payload = JSON.parse(hook!.body) as { type: string; to: string; text: string; deliveryId: string };
      expect(payload).toMatchObject({ type: 'sms', to: '13800001234' });
      expect(payload.text).toContain('受理');
      expect(hook!.headers[DELIVERY_HEADER]).toBe(payload.deliveryId);

      // A second run sends nothing again.
      const mailsBefore = mails.length;
      const hooksBefore = hooks.length;
      await runOutboxJob(deps(), channels);
      expect(mails.length).toBe(mailsBefore);
      expect(hooks.length).toBe(hooksBefore);
      void reportId;
    } finally {
      channels.close();
    }
  });

  it('calls the hotline back (request id and event, no contact) for a report a hotline filed', async () => {
    const channels = createChannels({ webhookUrl: `http://127.0.0.1:${httpPort}/hotline`, webhookSecret: SECRET });
    try {
      const r = await world.public().public.reports.submit({
        idempotencyKey: randomUUID(),
        riskCategory: 'evacuation_blocked',
        description: '消防通道被占用',
        location: { lat: 30.0, lng: 120.0, address: '甲区人民路1号' },
        venueId: world.venues.A,
      });
      // As Open311 files it for the 12345 hotline (the channel column is the intake's).
      await world.db.db.execute(`update reports set channel = 'hotline_12345' where id = '${r.reportId}'`);
      await world.as('inspectorA1').reports.accept({ id: r.reportId });
      await runOutboxJob(deps(), channels);
      const hook = hooks.find((h) => h.body.includes(r.reportId));
      expect(hook).toBeDefined();
      const ts = hook!.headers[TIMESTAMP_HEADER] as string;
      expect(hook!.headers[SIGNATURE_HEADER]).toBe(`sha256=${webhookSignature(SECRET, ts, hook!.body)}`);
      expect(JSON.parse(hook!.body)).toMatchObject({ type: 'hotline_callback', serviceRequestId: r.reportId, event: 'report.accepted' });
    } finally {
      channels.close();
    }
  });

  it('retries a webhook that answers 500 with backoff, then dead-letters it', async () => {
    const channels = createChannels({ webhookUrl: `http://127.0.0.1:${httpPort}/sms`, webhookSecret: SECRET });
    failing = true;
    try {
      world.now = new Date('2026-03-03T02:00:00Z');
      await acceptedReport({ name: '李四', phone: '13900005678' });
      const policy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 3 };
      const tries = () => hooks.filter((h) => h.body.includes('13900005678')).length;
      const first = await runOutboxJob(deps(), channels, { policy });
      expect(first).toMatchObject({ retried: 1, dead: 0 });
      expect(tries()).toBe(1);
      // Before the backoff runs out, nothing is tried.
      world.now = new Date('2026-03-03T02:00:30Z');
      await runOutboxJob(deps(), channels, { policy });
      expect(tries()).toBe(1);
      world.now = new Date('2026-03-03T02:01:00Z');
      expect(await runOutboxJob(deps(), channels, { policy })).toMatchObject({ retried: 1 });
      world.now = new Date('2026-03-03T02:03:00Z');
      expect(await runOutboxJob(deps(), channels, { policy })).toMatchObject({ dead: 1 });
      expect(tries()).toBe(3);
      world.now = new Date('2026-03-04T02:00:00Z');
      await runOutboxJob(deps(), channels, { policy });
      expect(tries()).toBe(3);
      const dead = await world.as('admin').admin.outbox.list({ status: 'dead' });
      expect(dead.filter((d) => d.channel === 'sms' && d.lastError === 'Error: webhook answered HTTP 500')).toHaveLength(1);
    } finally {
      failing = false;
      channels.close();
    }
  });
});
