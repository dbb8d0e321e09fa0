import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../database';
import { DbError } from '../errors';
import { reports } from '../schema/index';
import { createTestDb, insertTestJurisdiction, type TestDb } from '../testing';
import { receiptLookupHash } from './receipt-hash';
import { createSealer, generateSealingKey } from './sealer';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

const sealer = createSealer(generateSealingKey());
const pepper = 'pepper-for-tests-0123456789';

describe('sealed identity on a stored report', () => {
  test('is found by receipt hash, opens to the identity, and a tampered column is detected', async () => {
    const j = await insertTestJurisdiction(t.db);
    const id = randomUUID();
    const receipt = '4821 0937 5521 0046';
    const identity = { name: '王小明', phone: '13912345678' };
    await t.db.insert(reports).values({
      id,
      jurisdictionId: j.id,
      status: 'submitted',
      state: { status: 'submitted' },
      receiptHash: receiptLookupHash(receipt, pepper),
      channel: 'whistleblower',
      anonymous: false,
      whistleblower: true,
      sealedIdentity: sealer.seal(identity, `report:${id}`),
      submittedAt: new Date(),
    });

    // Nothing readable is stored: neither the receipt nor the identity.
    const raw = await queryRows<Record<string, unknown>>(t.db, sql`select * from reports where id = ${id}`);
    const dump = JSON.stringify(raw);
    for (const secret of ['48210937', '4821 0937', '王小明', '13912345678']) expect(dump).not.toContain(secret);

    const [found] = await t.db.select().from(reports).where(eq(reports.receiptHash, receiptLookupHash('4821-0937-5521-0046', pepper)));
    expect(found?.id).toBe(id);
    expect(sealer.open(found!.sealedIdentity!, `report:${id}`)).toEqual(identity);

    // Flip one character of the ciphertext in place.
    const sealed = found!.sealedIdentity!;
    const parts = sealed.split('.');
    const ct = parts[3]!;
    parts[3] = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    await t.db.update(reports).set({ sealedIdentity: parts.join('.') }).where(eq(reports.id, id));
    const [tampered] = await t.db.select().from(reports).where(eq(reports.id, id));
    let error: unknown;
    try {
      sealer.open(tampered!.sealedIdentity!, `report:${id}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('SEAL.TAMPERED');
  });
});
