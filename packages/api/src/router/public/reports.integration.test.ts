import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, insertMessage, insertUpload, receiptLookupHash, schema, type DbHandle } from '@firebreak/db';
import { createCaller } from '../../root';
import { createContextInner } from '../../trpc';
import { createWorld, testHttp, type World } from '../../testing/world';
import { actorOf, INTERNAL_NOTE, newKey, rowCounts, substantiateReport } from '../../testing/intake-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

const report = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  riskCategory: 'evacuation_blocked',
  description: '安全出口被铁链锁住',
  location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' },
  ...over,
});

async function reportRow(id: string) {
  const rows = await world.db.db.select().from(schema.reports);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`report ${id} not stored`);
  return row;
}

describe('public.reports.submit', () => {
  it('files an anonymous report at the venue’s jurisdiction and stores only the receipt’s keyed hash', async () => {
    const out = await world.public().public.reports.submit(report({ venueId: world.venues.A }));
    expect(out.receipt).toMatch(/^\d{16}$/);
    expect(out.receiptDisplay).toBe(out.receipt.replace(/(\d{4})(?=\d)/g, '$1 '));
    const row = await reportRow(out.reportId);
    expect(row).toMatchObject({ jurisdictionId: world.j.gridA, channel: 'web', anonymous: true, whistleblower: false, sealedIdentity: null, status: 'submitted' });
    expect(row.receiptHash).toBe(receiptLookupHash(out.receipt, world.services.receiptPepper));
    expect(JSON.stringify(row)).not.toContain(out.receipt);
    // Blocked exits are urgent: 24 hours, not 3 working days.
    expect(Date.parse(out.verificationDue) - Date.parse(out.submittedAt)).toBe(24 * 3_600_000);
    expect(out.urgent).toBe(true);
  });

  it('seals a real-name reporter’s contact, bound to the report, and keeps it out of the kernel state', async () => {
    const contact = { name: '实名举报人王五', phone: '13900001111' };
    const out = await world.public().public.reports.submit(report({ venueId: world.venues.A, contact }));
    const row = await reportRow(out.reportId);
    expect(row.anonymous).toBe(false);
    expect(row.sealedIdentity).not.toBeNull();
    expect(world.services.sealer.open(row.sealedIdentity!, `report-identity:${out.reportId}`)).toEqual(contact);
    expect(() => world.services.sealer.open(row.sealedIdentity!, 'report-identity:another')).toThrow();
    const stored = JSON.stringify({ ...row, sealedIdentity: null });
    expect(stored).not.toContain(contact.name);
    expect(stored).not.toContain(contact.phone);
  });

  it('gives other categories 3 working days (Monday 10:00 → Thursday end of day)', async () => {
    const out = await world.public().public.reports.submit(report({ riskCategory: 'ebike_indoor', venueId: world.venues.A }));
    expect(out.urgent).toBe(false);
    expect(out.verificationDue).toBe('2026-03-05T15:59:59.999Z');
  });

  it('places a report without a venue by the nearest venue within 2 km, else at the city root', async () => {
    const near = await world.public().public.reports.submit(report({ location: { lat: 30.1005, lng: 120.1005, address: '乙区解放路口' } }));
    expect((await reportRow(near.reportId)).jurisdictionId).toBe(world.j.streetB);
    // About 14 km from the nearest venue: no venue within 2 km, but inside the served area.
    const far = await world.public().public.reports.submit(report({ location: { lat: 30.2, lng: 120.2, address: '郊外某仓库' } }));
    expect((await reportRow(far.reportId)).jurisdictionId).toBe(world.j.city);
  });

  it.each([
    ['(0, 0)', { lat: 0, lng: 0 }],
    ['about 200 km away', { lat: 31.5, lng: 121.5 }],
  ])('refuses a place %s outside the served area instead of filing it at city level', async (_label, at) => {
    await expect(world.public().public.reports.submit(report({ location: { ...at, address: '某地' } }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { domain: { code: 'REPORT.OUTSIDE_SERVED_AREA' } },
    });
  });

  it('refuses a risk category that is not in the catalog', async () => {
    await expect(world.public().public.reports.submit(report({ riskCategory: 'made_up_code' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { domain: { code: 'REPORT.UNKNOWN_RISK_CATEGORY' } },
    });
  });

  it('ties fresh uploads to the report and refuses an upload that already belongs to one', async () => {
    const upload = await insertUpload(world.db.db, {
      id: randomUUID(),
      sha256: 'a'.repeat(64),
      mime: 'image/jpeg',
      sizeBytes: 1000,
      width: 10,
      height: 10,
      sealedOriginalKey: 'sealed-key',
      displayKey: 'display-key',
      uploadedByUserId: null,
    });
    const out = await world.public().public.reports.submit(report({ venueId: world.venues.A, attachmentIds: [upload] }));
    const att = (await world.db.db.select().from(schema.attachments)).find((a) => a.id === upload);
    expect(att).toMatchObject({ entity: 'report', entityId: out.reportId });
    const before = await rowCounts(world);
    await expect(world.public().public.reports.submit(report({ attachmentIds: [upload] }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { domain: { code: 'ATTACHMENT.UNAVAILABLE' } },
    });
    expect(await rowCounts(world)).toEqual(before);
  });

  it('answers a retry with the same key with the same receipt, and stores that receipt only sealed', async () => {
    const input = report({ venueId: world.venues.A });
    const first = await world.public().public.reports.submit(input);
    const before = await rowCounts(world);
    const again = await world.public().public.reports.submit(input);
    expect(again).toEqual(first);
    expect(await rowCounts(world)).toEqual(before);
    const stored = (await world.db.db.select().from(schema.idempotencyKeys)).find((k) => k.key === input.idempotencyKey);
    expect(stored?.scope).toBe('report.submit');
    expect(JSON.stringify(stored)).not.toContain(first.receipt);
  });

  it('refuses the same key for a different report without filing anything', async () => {
    const input = report({ venueId: world.venues.A });
    await world.public().public.reports.submit(input);
    const before = await rowCounts(world);
    await expect(world.public().public.reports.submit({ ...input, description: '另一件事' })).rejects.toMatchObject({
      cause: { domain: { code: 'IDEMPOTENCY.KEY_REUSED' } },
    });
    expect(await rowCounts(world)).toEqual(before);
  });

  it('turns the kernel’s refusal into a coded error, changes nothing, and leaves the key free for the corrected retry', async () => {
    const input = report({ description: '   ', venueId: world.venues.A });
    const before = await rowCounts(world);
    await expect(world.public().public.reports.submit(input)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { domain: { code: 'REPORT.DESCRIPTION_REQUIRED', messageZh: '请描述隐患情况' } },
    });
    await expect(world.public().public.reports.submit(report({ location: { lat: 30, lng: 120, address: ' ' } }))).rejects.toMatchObject({
      cause: { domain: { code: 'REPORT.INVALID_LOCATION' } },
    });
    await expect(world.public().public.reports.submit(report({ venueId: randomUUID() }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { domain: { code: 'VENUE.NOT_FOUND' } },
    });
    await expect(world.public().public.reports.submit(report({ venueId: 'not-a-uuid' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().public.reports.submit(report({ location: { lat: 'north', lng: 120, address: 'x' } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rowCounts(world)).toEqual(before);
    const fixed = await world.public().public.reports.submit({ ...input, description: '安全出口上锁' });
    expect(fixed.receipt).toMatch(/^\d{16}$/);
  });

  it('gives 20 concurrent submissions with one key one report and the same receipt', async () => {
    const input = report({ venueId: world.venues.A });
    const before = await rowCounts(world);
    let receipts: string[];
    if (world.db.url && world.db.schemaName) {
      // Real PostgreSQL: every caller on its own connection, so they truly race.
      const handles: DbHandle[] = [];
      for (let i = 0; i < 20; i++) handles.push(await createDb({ url: world.db.url, searchPath: world.db.schemaName, migrate: false, maxConnections: 1 }));
      try {
        const callers = handles.map((h) => createCaller(createContextInner({ db: h.db, services: world.services, clock: () => world.now, http: testHttp() })));
        const results = await Promise.all(callers.map((c) => c.public.reports.submit(input)));
        receipts = results.map((r) => r.receipt);
        expect(new Set(results.map((r) => r.reportId)).size).toBe(1);
      } finally {
        for (const h of handles) await h.close();
      }
    } else {
      // PGlite has one connection and cannot race: the same calls, one after another.
      receipts = [];
      for (let i = 0; i < 20; i++) receipts.push((await world.public().public.reports.submit(input)).receipt);
    }
    expect(receipts).toHaveLength(20);
    expect(new Set(receipts).size).toBe(1);
    const after = await rowCounts(world);
    expect(after.reports).toBe(before.reports! + 1);
    expect(after.idempotencyKeys).toBe(before.idempotencyKeys! + 1);
  }, 60_000);
});

describe('public.reports.track and sendMessage', () => {
  it('shows the timeline, deadlines, public notes, linked hazards and messages, and never identity or internals', async () => {
    const contact = { name: '举报人赵六', phone: '13800138000' };
    const filed = await world.public().public.reports.submit(report({ venueId: world.venues.A, contact }));
    await substantiateReport(world, filed.reportId);
    const inspector = await actorOf(world, 'inspectorA1');
    await insertMessage(world.db.db, { reportId: filed.reportId, direction: 'handler', body: '请补充照片', authorUserId: inspector.userId, now: new Date(world.now.getTime() - 60_000) });
    await world.public().public.reports.sendMessage({ receipt: filed.receipt, body: '照片已上传' });

    const tracked = await world.public().public.reports.track({ receipt: filed.receiptDisplay });
    expect(tracked.report.status).toBe('substantiated');
    expect(tracked.report.timeline.map((t) => t.status)).toEqual(['submitted', 'accepted', 'verifying', 'substantiated']);
    expect(tracked.report.deadlines.map((d) => d.kind)).toEqual(['verification', 'reply']);
    expect(tracked.report.notes.map((n) => n.text)).toEqual(['您的举报已受理']);
    expect(tracked.report.hazards).toHaveLength(1);
    expect(tracked.messages.map((m) => [m.direction, m.body])).toEqual([
      ['handler', '请补充照片'],
      ['public', '照片已上传'],
    ]);

    const row = await reportRow(filed.reportId);
    const supervisor = await actorOf(world, 'supervisorA');
    const serialized = JSON.stringify(tracked);
    for (const secret of [contact.name, contact.phone, INTERNAL_NOTE, inspector.name, inspector.userId, supervisor.name, row.sealedIdentity!, 'sealed_identity', 'reporterRef', 'internalNotes']) {
      expect(serialized).not.toContain(secret);
    }
    const messages = (await world.db.db.select().from(schema.messages)).filter((m) => m.reportId === filed.reportId);
    expect(messages.find((m) => m.direction === 'handler')?.readAt).not.toBeNull();
  });

  it('queues a note to the report’s inspectors with the reporter’s message', async () => {
    const filed = await world.public().public.reports.submit(report({ venueId: world.venues.A }));
    const sent = await world.public().public.reports.sendMessage({ receipt: filed.receipt, body: '  门又锁上了  ' });
    expect(sent).toMatchObject({ direction: 'public', body: '门又锁上了' });
    const queued = (await world.db.db.select().from(schema.outbox)).filter((o) => o.entityId === filed.reportId && o.template === 'report.message_received');
    expect(queued).toHaveLength(1);
    expect(queued[0]?.recipient).toEqual({ kind: 'role', role: 'inspector', jurisdictionId: world.j.gridA });
  });

  it('answers a wrong receipt with RECEIPT.NOT_FOUND and a malformed one with a field error, changing nothing', async () => {
    const before = await rowCounts(world);
    await expect(world.public().public.reports.track({ receipt: '0000 0000 0000 0001' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { domain: { code: 'RECEIPT.NOT_FOUND', messageZh: '无法查询该回执码：请核对16位号码，或10分钟后再试' } },
    });
    await expect(world.public().public.reports.sendMessage({ receipt: '0000000000000001', body: '你好' })).rejects.toMatchObject({
      cause: { domain: { code: 'RECEIPT.NOT_FOUND' } },
    });
    await expect(world.public().public.reports.track({ receipt: '1234' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const filed = await world.public().public.reports.submit(report({ venueId: world.venues.A }));
    const mid = await rowCounts(world);
    await expect(world.public().public.reports.sendMessage({ receipt: filed.receipt, body: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rowCounts(world)).toEqual(mid);
    expect(mid.messages).toBe(before.messages);
  });

  it('throttles receipt lookups per client across every receipt door, and lets the window reset', async () => {
    const filed = await world.public().public.reports.submit(report({ venueId: world.venues.A }));
    const client = { http: { clientKey: `throttle-${randomUUID()}` } };
    for (let i = 0; i < 10; i++) {
      await expect(world.public(client).public.reports.track({ receipt: `${String(i).padStart(16, '9')}` })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    for (let i = 0; i < 9; i++) await world.public(client).public.reports.track({ receipt: filed.receipt });
    await world.public(client).public.reports.sendMessage({ receipt: filed.receipt, body: '第二十次' });
    const before = await rowCounts(world);
    await expect(world.public(client).public.reports.track({ receipt: filed.receipt })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      cause: { domain: { code: 'RECEIPT.TOO_MANY_ATTEMPTS' } },
    });
    await expect(world.public(client).public.reports.sendMessage({ receipt: filed.receipt, body: '再发一次' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect(world.public(client).public.rewards.status({ receipt: filed.receipt })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect(world.public(client).whistleblower.track({ receipt: filed.receipt })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await rowCounts(world)).toEqual(before);
    // Another device is not affected; the same device may try again after the window.
    await expect(world.public().public.reports.track({ receipt: filed.receipt })).resolves.toMatchObject({ report: { id: filed.reportId } });
    const saved = world.now;
    world.now = new Date(saved.getTime() + 10 * 60_000);
    try {
      await expect(world.public(client).public.reports.track({ receipt: filed.receipt })).resolves.toMatchObject({ report: { id: filed.reportId } });
    } finally {
      world.now = saved;
    }
  });
});
