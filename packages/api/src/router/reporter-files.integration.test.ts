import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_FILES } from '@firebreak/domain';
import { insertUpload, schema } from '@firebreak/db';
import { createWorld, type World } from '../testing/world';
import { newKey, rowCounts } from '../testing/intake-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

const upload = () =>
  insertUpload(world.db.db, {
    id: randomUUID(),
    sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    mime: 'image/jpeg',
    sizeBytes: 1000,
    width: 10,
    height: 10,
    sealedOriginalKey: `sealed-${randomUUID()}`,
    displayKey: `display-${randomUUID()}`,
    uploadedByUserId: null,
  });

const file = (door: 'public' | 'whistleblower') => {
  const base = { idempotencyKey: newKey(), riskCategory: 'evacuation_blocked', description: '安全出口被堵', location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' }, venueId: world.venues.A };
  return door === 'public' ? world.public().public.reports.submit(base) : world.public().whistleblower.submit(base);
};

const attachedTo = async (reportId: string) => (await world.db.db.select().from(schema.attachments)).filter((a) => a.entity === 'report' && a.entityId === reportId);

describe('adding files to a filed report by its receipt', () => {
  it('ties the uploads to the report, audits it as the reporter and tells the inspectors, on either door', async () => {
    for (const door of ['public', 'whistleblower'] as const) {
      const filed = await file(door);
      const ids = [await upload(), await upload()];
      const api = world.public();
      const out = door === 'public' ? await api.public.reports.addFiles({ receipt: filed.receipt, attachmentIds: ids }) : await api.whistleblower.addFiles({ receipt: filed.receipt, attachmentIds: ids });
      expect(out).toEqual({ added: 2, total: 2 });
      expect((await attachedTo(filed.reportId)).map((a) => a.id).sort()).toEqual([...ids].sort());
      const audit = (await world.db.db.select().from(schema.auditLog)).filter((e) => e.entityId === filed.reportId && e.action === 'files_added');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorRole: door, actorUserId: `reporter:${filed.reportId}` });
      const note = (await world.db.db.select().from(schema.outbox)).filter((o) => o.entityId === filed.reportId && o.template === 'report.files_added');
      expect(note).toHaveLength(1);
    }
  });

  it('refuses an upload already used, a wrong receipt and going past the limit, changing nothing', async () => {
    const filed = await file('public');
    const used = await upload();
    await world.public().public.reports.addFiles({ receipt: filed.receipt, attachmentIds: [used] });
    const before = await rowCounts(world);
    const fresh = await upload();
    await expect(world.public().public.reports.addFiles({ receipt: filed.receipt, attachmentIds: [fresh, used] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { domain: { code: 'ATTACHMENT.UNAVAILABLE' } },
    });
    await expect(world.public().public.reports.addFiles({ receipt: '0000 0000 0000 0002', attachmentIds: [fresh] })).rejects.toMatchObject({
      cause: { domain: { code: 'RECEIPT.NOT_FOUND' } },
    });
    await expect(world.public().public.reports.addFiles({ receipt: filed.receipt, attachmentIds: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const many = [];
    for (let i = 0; i < MAX_REPORT_FILES; i++) many.push(await upload());
    const mid = await rowCounts(world);
    await expect(world.public().public.reports.addFiles({ receipt: filed.receipt, attachmentIds: many })).rejects.toMatchObject({
      cause: { domain: { code: 'REPORT.TOO_MANY_FILES' } },
    });
    expect(await rowCounts(world)).toEqual(mid);
    expect((await attachedTo(filed.reportId)).map((a) => a.id)).toEqual([used]);
    expect(before.auditLog).toBe(mid.auditLog);
  });

  it('refuses files once the report was rejected', async () => {
    const filed = await file('public');
    await world.as('inspectorA1').reports.reject({ id: filed.reportId, version: 1, reason: 'out_of_scope', explanation: '地址不在本辖区' });
    await expect(world.public().public.reports.addFiles({ receipt: filed.receipt, attachmentIds: [await upload()] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { domain: { code: 'REPORT.CLOSED_FOR_FILES', messageZh: '该举报已答复或办结，不能再补充材料' } },
    });
  });
});
