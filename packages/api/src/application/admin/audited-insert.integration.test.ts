import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cataloguedError, type Actor } from '@firebreak/domain';
import { countAuditEntries, insertJurisdiction } from '@firebreak/db';
import { createTestDb, type TestDb } from '@firebreak/db/testing';
import { DomainFailure } from '../failure';
import { insertAuditedUnique } from './audited-insert';

const admin: Actor = { userId: randomUUID(), name: '管理员', role: 'admin', departmentId: null, jurisdictionId: null };
const now = new Date('2026-03-02T08:00:00.000Z');
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const add = (id: string, code: string) =>
  insertAuditedUnique(
    t,
    admin,
    now,
    (tx) => insertJurisdiction(tx, { id, parentId: null, level: 'city', name: `市${code}`, code }),
    (j) => ({ entity: 'jurisdiction', entityId: j.id, action: 'create', from: null, to: 'active', data: { code } }),
    cataloguedError('JURISDICTION.DUPLICATE'),
  );

describe('insertAuditedUnique', () => {
  it('writes the row and its audit entry stamped with the actor', async () => {
    const id = randomUUID();
    expect((await add(id, '330200')).id).toBe(id);
    expect(await countAuditEntries(t.db, { entity: 'jurisdiction', entityId: id, action: 'create' })).toBe(1);
  });

  it('refuses a unique violation as the coded conflict and writes no audit entry', async () => {
    await add(randomUUID(), '330200');
    const second = randomUUID();
    const refused = await add(second, '330200').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainFailure);
    expect((refused as DomainFailure).domain.code).toBe('JURISDICTION.DUPLICATE');
    expect(await countAuditEntries(t.db, { entity: 'jurisdiction', entityId: second })).toBe(0);
  });

  it('lets any other failure through unchanged', async () => {
    const boom = new Error('disk full');
    const thrown = await insertAuditedUnique(t, admin, now, () => Promise.reject(boom), () => ({ entity: 'x', entityId: 'x', action: 'create', from: null, to: null }), cataloguedError('JURISDICTION.DUPLICATE')).catch((e: unknown) => e);
    expect(thrown).toBe(boom);
  });
});
