import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STANDARDS } from '@firebreak/domain';
import { insertPublishedStandard, insertUpload, schema } from '@firebreak/db';
import { createWorld, type World } from '../testing/world';
import { inspectionAt, orderedHazard, PRIVATE_REMARK, rowCounts } from '../testing/intake-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

const unitA = () => world.as('unitA');
const marketItems = DEFAULT_STANDARDS.find((s) => s.category === 'market')!.items;

async function upload(): Promise<string> {
  return insertUpload(world.db.db, {
    id: randomUUID(),
    sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    mime: 'image/jpeg',
    sizeBytes: 2048,
    width: 100,
    height: 100,
    sealedOriginalKey: `sealed-${randomUUID()}`,
    displayKey: `display-${randomUUID()}`,
    uploadedByUserId: null,
  });
}

async function hazardRow(id: string) {
  return (await world.db.db.select().from(schema.hazards)).find((h) => h.id === id)!;
}

async function inspectionRow(id: string) {
  return (await world.db.db.select().from(schema.inspections)).find((i) => i.id === id)!;
}

describe('unit procedures are for unit accounts only', () => {
  it('refuses staff by role and the public as unauthenticated', async () => {
    const staff = world.as('inspectorA1');
    const denied = { code: 'FORBIDDEN', cause: { domain: { code: 'ACCESS.ROLE_NOT_ALLOWED' } } };
    await expect(staff.unit.venue()).rejects.toMatchObject(denied);
    await expect(staff.unit.standard()).rejects.toMatchObject(denied);
    await expect(staff.unit.hazards.list({})).rejects.toMatchObject(denied);
    await expect(staff.unit.inspections.pending()).rejects.toMatchObject(denied);
    await expect(staff.unit.selfInspection.submit({ items: [{ itemId: marketItems[0]!.id, ok: true }] })).rejects.toMatchObject(denied);
    await expect(staff.unit.commitment.sign({ kind: 'no_prominent_risk', content: { text: '承诺' }, signedByName: '王监督' })).rejects.toMatchObject(denied);
    await expect(staff.unit.setResponsiblePersons({ responsible: { name: '甲', duties: ['负责'] }, manager: { name: '乙', duties: ['巡查'] } })).rejects.toMatchObject(denied);
    await expect(staff.unit.hazards.submitRemediation({ hazardId: randomUUID(), evidence: '已整改', attachmentIds: [randomUUID()] })).rejects.toMatchObject(denied);
    await expect(staff.unit.inspections.confirm({ inspectionId: randomUUID(), signerName: '张', capacity: 'manager', signatureRef: 'sig' })).rejects.toMatchObject(denied);
    await expect(staff.unit.inspections.refuse({ inspectionId: randomUUID(), reason: '不同意' })).rejects.toMatchObject(denied);
    await expect(world.public().unit.venue()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('unit.venue and setResponsiblePersons (两公开)', () => {
  it('shows the unit its own venue only', async () => {
    expect(await unitA().unit.venue()).toMatchObject({ id: world.venues.A, name: '甲区好又多超市', responsiblePersons: [{ role: 'manager', name: '李管理' }, { role: 'responsible', name: '张责任' }] });
    expect((await world.as('unitB').unit.venue()).id).toBe(world.venues.B);
  });

  it('publishes both persons with duties, keeps the old ones as history and seals the phones', async () => {
    const venue = await unitA().unit.setResponsiblePersons({
      responsible: { name: '张新责', position: '法定代表人', duties: ['全面负责消防安全'], phone: '13912345678', since: '2026-03-01' },
      manager: { name: '李新管', duties: ['每日防火巡查'] },
    });
    expect(venue.responsiblePersons).toEqual([
      { role: 'manager', name: '李新管', position: null, duties: ['每日防火巡查'], since: null, phoneOnFile: false },
      { role: 'responsible', name: '张新责', position: '法定代表人', duties: ['全面负责消防安全'], since: '2026-03-01', phoneOnFile: true },
    ]);
    const rows = (await world.db.db.select().from(schema.responsiblePersons)).filter((p) => p.venueId === world.venues.A);
    expect(rows.filter((p) => p.endedAt === null).map((p) => p.name).sort()).toEqual(['李新管', '张新责'].sort());
    expect(rows.filter((p) => p.endedAt !== null).map((p) => p.name).sort()).toEqual(['张责任', '李管理'].sort());
    const current = rows.find((p) => p.name === '张新责')!;
    expect(world.services.sealer.open(current.phoneSealed!, `responsible_persons.phone:${world.venues.A}:responsible`)).toBe('13912345678');
    expect(JSON.stringify(venue)).not.toContain('13912345678');
  });

  it('refuses a person without duties or with a bad phone, changing nothing', async () => {
    const before = await rowCounts(world);
    await expect(unitA().unit.setResponsiblePersons({ responsible: { name: '甲', duties: [] }, manager: { name: '乙', duties: ['巡查'] } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(unitA().unit.setResponsiblePersons({ responsible: { name: '甲', duties: ['负责'], phone: 'none' }, manager: { name: '乙', duties: ['巡查'] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await rowCounts(world)).toEqual(before);
  });
});

describe('unit.commitment.sign (一承诺)', () => {
  it('signs a commitment the venue page then shows', async () => {
    const signed = await unitA().unit.commitment.sign({
      kind: 'measures_in_place',
      content: { text: '已落实电动车集中充电措施', measures: [{ riskCategory: 'ebike_indoor', measure: '室外集中充电' }] },
      signedByName: '张新责',
    });
    expect(signed).toMatchObject({ kind: 'measures_in_place', text: '已落实电动车集中充电措施', signerName: '张新责', signedAt: world.now.toISOString() });
    const stored = (await world.db.db.select().from(schema.commitments)).find((c) => c.id === signed.id);
    expect(stored).toMatchObject({ venueId: world.venues.A, signedByUserId: world.users.unitA.id });
    const token = (await unitA().unit.venue()).publicToken;
    expect((await world.public().public.venues.page({ publicToken: token })).commitment?.text).toBe('已落实电动车集中充电措施');
  });

  it('refuses an unknown kind or an empty text, changing nothing', async () => {
    const before = await rowCounts(world);
    await expect(unitA().unit.commitment.sign({ kind: 'promise' as 'no_prominent_risk', content: { text: '承诺' }, signedByName: '张' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(unitA().unit.commitment.sign({ kind: 'no_prominent_risk', content: { text: ' ' }, signedByName: '张' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rowCounts(world)).toEqual(before);
  });
});

describe('unit.standard and unit.selfInspection.submit', () => {
  it('gives the checklist in force for the venue’s categories, the built-in standard while the table has none', async () => {
    const std = await unitA().unit.standard();
    expect(std.categories).toEqual(['market']);
    expect(std.standards).toEqual([{ category: 'market', version: 1 }]);
    expect(std.items.map((i) => i.id)).toEqual(marketItems.map((i) => i.id));
    expect(std.missing).toEqual([]);
  });

  it('records a self-inspection and puts every failed item on the ledger as a self_inspection hazard', async () => {
    const [a, b, c] = marketItems;
    const result = await unitA().unit.selfInspection.submit({
      items: [
        { itemId: a!.id, ok: true },
        { itemId: b!.id, ok: false, note: '二楼通道堆放纸箱' },
        { itemId: c!.id, ok: true },
      ],
    });
    expect(result.checked).toBe(3);
    expect(result.hazardIds).toHaveLength(1);
    const hazard = await hazardRow(result.hazardIds[0]!);
    expect(hazard).toMatchObject({ source: 'self_inspection', venueId: world.venues.A, jurisdictionId: world.j.gridA, riskCategory: b!.riskCategory, status: 'found' });
    expect(hazard.state).toMatchObject({ sourceRef: result.selfInspectionId, checkItemId: b!.id, description: `${b!.text.zh}（二楼通道堆放纸箱）` });
    const record = (await world.db.db.select().from(schema.auditLog)).find((e) => e.seq === result.auditSeq);
    expect(record).toMatchObject({ entity: 'venue', entityId: world.venues.A, action: 'self_inspection', actorRole: 'unit' });
    expect(record?.data).toMatchObject({ selfInspectionId: result.selfInspectionId, hazardIds: result.hazardIds, standards: [{ category: 'market', version: 1 }] });
    expect((await unitA().unit.hazards.list({})).map((h) => h.id)).toContain(result.hazardIds[0]);
  });

  it('refuses items not on the checklist, repeated items and empty submissions, recording nothing', async () => {
    const before = await rowCounts(world);
    const item = marketItems[0]!.id;
    await expect(unitA().unit.selfInspection.submit({ items: [{ itemId: 'kindergarten.toys', ok: false }] })).rejects.toMatchObject({
      cause: { domain: { code: 'SELF_INSPECTION.UNKNOWN_ITEM' } },
    });
    await expect(unitA().unit.selfInspection.submit({ items: [{ itemId: item, ok: false }, { itemId: item, ok: true }] })).rejects.toMatchObject({
      cause: { domain: { code: 'SELF_INSPECTION.DUPLICATE_ITEM' } },
    });
    await expect(unitA().unit.selfInspection.submit({ items: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rowCounts(world)).toEqual(before);
  });
});

describe('unit.hazards', () => {
  it('lists only the unit’s own venue’s hazards', async () => {
    const own = await orderedHazard(world, 'A');
    const other = await orderedHazard(world, 'B');
    const ids = (await unitA().unit.hazards.list({ limit: 50 })).map((h) => h.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(other);
    expect((await world.as('unitB').unit.hazards.list({})).map((h) => h.id)).toContain(other);
  });

  it('submits remediation evidence for an own ordered hazard and ties the photos to it', async () => {
    const hazardId = await orderedHazard(world, 'A');
    const photo = await upload();
    const out = await unitA().unit.hazards.submitRemediation({ hazardId, evidence: '纸箱已清运', attachmentIds: [photo] });
    expect(out).toMatchObject({ id: hazardId, status: 'remediation_submitted' });
    const row = await hazardRow(hazardId);
    expect(row.state).toMatchObject({ remediations: [{ evidenceRefs: [photo], note: '纸箱已清运', onBehalf: false, by: { role: 'unit' } }] });
    expect((await world.db.db.select().from(schema.attachments)).find((a) => a.id === photo)).toMatchObject({ entity: 'hazard', entityId: hazardId });
    // The kernel refuses a second submission while the first awaits re-inspection.
    await expect(unitA().unit.hazards.submitRemediation({ hazardId, evidence: '再交一次', attachmentIds: [photo] })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { domain: { code: 'HAZARD.INVALID_TRANSITION' } },
    });
  });

  it('works for unit B on its own venue in another district', async () => {
    const hazardId = await orderedHazard(world, 'B');
    const out = await world.as('unitB').unit.hazards.submitRemediation({ hazardId, evidence: '已整改', attachmentIds: [await upload()] });
    expect(out.status).toBe('remediation_submitted');
  });

  it('refuses another unit’s hazard with ACCESS.WRONG_VENUE and changes nothing', async () => {
    const other = await orderedHazard(world, 'B');
    const photo = await upload();
    const before = await rowCounts(world);
    const version = (await hazardRow(other)).version;
    await expect(unitA().unit.hazards.submitRemediation({ hazardId: other, evidence: '替别人整改', attachmentIds: [photo] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { domain: { code: 'ACCESS.WRONG_VENUE', messageZh: '无权访问其他单位的数据' } },
    });
    expect(await rowCounts(world)).toEqual(before);
    expect((await hazardRow(other)).version).toBe(version);
    expect((await world.db.db.select().from(schema.attachments)).find((a) => a.id === photo)?.entity).toBeNull();
  });

  it('refuses missing evidence, unknown hazards and used photos with coded errors, changing nothing', async () => {
    const hazardId = await orderedHazard(world, 'A');
    const before = await rowCounts(world);
    await expect(unitA().unit.hazards.submitRemediation({ hazardId, evidence: '已整改', attachmentIds: [] })).rejects.toMatchObject({
      cause: { domain: { code: 'HAZARD.EVIDENCE_REQUIRED' } },
    });
    await expect(unitA().unit.hazards.submitRemediation({ hazardId: randomUUID(), evidence: '已整改', attachmentIds: [await upload()] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { domain: { code: 'HAZARD.NOT_FOUND' } },
    });
    await expect(unitA().unit.hazards.submitRemediation({ hazardId, evidence: '已整改', attachmentIds: [randomUUID()] })).rejects.toMatchObject({
      cause: { domain: { code: 'ATTACHMENT.UNAVAILABLE' } },
    });
    await expect(unitA().unit.hazards.submitRemediation({ hazardId: 'h-1', evidence: '已整改', attachmentIds: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const after = await rowCounts(world);
    expect({ ...after, attachments: before.attachments }).toEqual(before);
    expect((await hazardRow(hazardId)).status).toBe('ordered');
  });
});

describe('unit.inspections', () => {
  it('lists records awaiting the unit’s signature, without the team’s private remarks', async () => {
    const recorded = await inspectionAt(world, 'A');
    const pending = await unitA().unit.inspections.pending();
    const view = pending.find((p) => p.id === recorded);
    expect(view).toMatchObject({ status: 'recorded', findings: [{ riskCategory: { code: 'ebike_indoor' }, description: '一楼大厅电动自行车充电' }] });
    expect(view?.inspectorSignatures).toHaveLength(2);
    expect(JSON.stringify(pending)).not.toContain(PRIVATE_REMARK);
    expect((await world.as('unitB').unit.inspections.pending()).map((p) => p.id)).not.toContain(recorded);
  });

  it('confirms an own record through the kernel, once', async () => {
    const id = await inspectionAt(world, 'A');
    const out = await unitA().unit.inspections.confirm({ inspectionId: id, signerName: '张新责', capacity: 'responsible_person', signatureRef: 'sig:unit-a' });
    expect(out).toMatchObject({ id, status: 'confirmed', unitConfirmation: { signerName: '张新责', capacity: 'responsible_person' } });
    expect((await inspectionRow(id)).status).toBe('confirmed');
    await expect(unitA().unit.inspections.confirm({ inspectionId: id, signerName: '张新责', capacity: 'responsible_person', signatureRef: 'sig:unit-a' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { domain: { code: 'INSPECTION.INVALID_TRANSITION' } },
    });
  });

  it('refuses another venue’s inspection, a missing signature and a bad capacity, changing nothing', async () => {
    const other = await inspectionAt(world, 'B', 'planned');
    const own = await inspectionAt(world, 'A');
    const before = await rowCounts(world);
    await expect(unitA().unit.inspections.confirm({ inspectionId: other, signerName: '张', capacity: 'manager', signatureRef: 'sig' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { domain: { code: 'ACCESS.WRONG_VENUE' } },
    });
    await expect(unitA().unit.inspections.refuse({ inspectionId: other, reason: '不同意' })).rejects.toMatchObject({ cause: { domain: { code: 'ACCESS.WRONG_VENUE' } } });
    await expect(unitA().unit.inspections.confirm({ inspectionId: own, signerName: '张', capacity: 'manager', signatureRef: ' ' })).rejects.toMatchObject({
      cause: { domain: { code: 'INSPECTION.UNIT_SIGNATURE_REQUIRED' } },
    });
    await expect(unitA().unit.inspections.confirm({ inspectionId: own, signerName: '张', capacity: 'boss' as 'manager', signatureRef: 'sig' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(unitA().unit.inspections.confirm({ inspectionId: randomUUID(), signerName: '张', capacity: 'manager', signatureRef: 'sig' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await rowCounts(world)).toEqual(before);
    expect((await inspectionRow(own)).status).toBe('recorded');
  });

  it('lets the unit decline to sign through the kernel: stated on the record, audited once, sent to the inspectors on site', async () => {
    const id = await inspectionAt(world, 'A');
    const versionBefore = (await inspectionRow(id)).version;
    const out = await unitA().unit.inspections.refuse({ inspectionId: id, reason: '对第1项检查发现有异议' });
    expect(out).toEqual({ inspectionId: id, status: 'recorded', notified: 2 });
    const audit = (await world.db.db.select().from(schema.auditLog)).filter((e) => e.entityId === id && e.action === 'unit_refuse');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: 'unit', fromStatus: 'recorded', toStatus: 'recorded', data: { reason: '对第1项检查发现有异议' } });
    const notes = (await world.db.db.select().from(schema.outbox)).filter((o) => o.entityId === id && o.template === 'inspection.unit_refused');
    expect(notes).toHaveLength(2);
    const row = await inspectionRow(id);
    expect(row.status).toBe('recorded');
    expect(row.version).toBe(versionBefore + 1);
    expect(row.state).toMatchObject({ unitRefusal: { reason: '对第1项检查发现有异议', by: { role: 'unit' } }, refusal: null });
    // Said once; the inspectors' witnessed record_refusal or the unit's signature comes next.
    const before = await rowCounts(world);
    await expect(unitA().unit.inspections.refuse({ inspectionId: id, reason: '再次拒绝' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { domain: { code: 'INSPECTION.ALREADY_REFUSED' } },
    });
    expect(await rowCounts(world)).toEqual(before);
    const confirmed = await unitA().unit.inspections.confirm({ inspectionId: id, signerName: '张新责', capacity: 'responsible_person', signatureRef: 'sig:unit-a' });
    expect(confirmed.status).toBe('confirmed');
  });

  it('refuses to record a refusal when there is no record to answer, or without a reason', async () => {
    const planned = await inspectionAt(world, 'A', 'planned');
    const before = await rowCounts(world);
    await expect(unitA().unit.inspections.refuse({ inspectionId: planned, reason: '不同意' })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { domain: { code: 'INSPECTION.INVALID_TRANSITION' } },
    });
    await expect(unitA().unit.inspections.refuse({ inspectionId: planned, reason: ' ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rowCounts(world)).toEqual(before);
  });
});

describe('unit.standard from the standards table', () => {
  it('uses a published table version for the category instead of the built-in one', async () => {
    await insertPublishedStandard(world.db.db, {
      code: 'market-city',
      venueCategory: 'market',
      version: 2,
      titleZh: '商场市场整治标准（市版）',
      titleEn: null,
      publishedAt: new Date(world.now.getTime() - 86_400_000),
      items: [
        { code: 'market.exits-open', textZh: '安全出口保持畅通', textEn: null, riskCategory: 'evacuation_blocked', defaultSeverity: 'major', legalBasis: '消防法 第二十八条', defaultDeadlineDays: 0, gbElement: '6.3' },
        { code: 'market.ebike', textZh: '电动车不得在室内充电', textEn: 'No indoor e-bike charging', riskCategory: 'ebike_indoor', defaultSeverity: 'general', legalBasis: null, defaultDeadlineDays: 5, gbElement: null },
      ],
    });
    const std = await unitA().unit.standard();
    expect(std.standards).toEqual([{ category: 'market', version: 2 }]);
    expect(std.items).toMatchObject([
      { id: 'market.exits-open', severity: 'major_candidate', deadline: { kind: 'immediate' }, basis: [{ law: '消防法 第二十八条' }], gbElements: ['6.3'] },
      { id: 'market.ebike', text: { en: 'No indoor e-bike charging' }, deadline: { kind: 'working_days', n: 5 } },
    ]);
    const result = await unitA().unit.selfInspection.submit({ items: [{ itemId: 'market.ebike', ok: false }] });
    const checkItemRow = (await world.db.db.select().from(schema.checkItems)).find((i) => i.code === 'market.ebike');
    expect((await hazardRow(result.hazardIds[0]!)).checkItemId).toBe(checkItemRow?.id);
  });
});
