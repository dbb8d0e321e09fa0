import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSealer } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { hazardAt } from '../testing/staff-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let closedA: string;
let closedB: string;

beforeAll(async () => {
  world = await createWorld();
  closedA = await hazardAt(world, 'closed', 'A');
  closedB = await hazardAt(world, 'closed', 'B');
}, 120_000);
afterAll(async () => world?.close());

describe('audit.chain', () => {
  it("recomputes each entry's hash and, once sealed, its inclusion in the batch", async () => {
    const before = await world.as('discipline').audit.chain({ entity: 'hazard', entityId: closedA });
    expect(before.entries.length).toBeGreaterThanOrEqual(5);
    expect(before.entries.map((e) => e.seq)).toEqual([...before.entries.map((e) => e.seq)].sort((a, b) => a - b));
    expect(before.entries.every((e) => e.hashOk)).toBe(true);
    expect(before.entries.at(-1)).toMatchObject({ action: 'close', toStatus: 'closed' });
    await runSealer(world.db.db);
    const after = await world.as('discipline').audit.chain({ entity: 'hazard', entityId: closedA });
    expect(after.entries.every((e) => e.included === true && e.batchHash !== null)).toBe(true);
  });

  it("is empty for a record outside the caller's subtree", async () => {
    const other = await world.as('supervisorA').audit.chain({ entity: 'hazard', entityId: closedB });
    expect(other.entries).toEqual([]);
    await expectRefusal(world.as('inspectorA1').audit.chain({ entity: 'hazard', entityId: closedA }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectInvalidInput(world.as('discipline').audit.chain({ entity: '', entityId: closedA }), 'entity');
  });
});

describe('audit.accountability (一案双查)', () => {
  it('names who checked, who accepted and who closed each closed hazard of the subtree', async () => {
    const { items, total } = await world.as('discipline').audit.accountability({});
    expect(total).toBe(2);
    const a = items.find((i) => i.hazardId === closedA)!;
    const view = (await world.as('supervisorA').hazards.get({ id: closedA })).hazard;
    expect(a.closedBy).toMatchObject({ userId: view.closedBy!.userId, name: view.closedBy!.name, role: 'fire_supervisor' });
    expect(a.acceptedBy?.userId).toBe(view.reinspections.at(-1)!.signer.userId);
    expect(a.acceptedBy?.departmentName).toBeTruthy();
    expect(a.orderedBy?.role).toMatch(/inspector|police_officer|fire_supervisor/);
    expect(a.foundBy).not.toBeNull();
    expect(a.closedAt).toMatch(/^\d{4}-/);
  });

  it("keeps a district supervisor to the district, filters by official, and refuses others", async () => {
    const district = await world.as('supervisorA').audit.accountability({});
    expect(district.items.map((i) => i.hazardId)).toEqual([closedA]);
    const closer = district.items[0]!.closedBy!.userId;
    const mine = await world.as('discipline').audit.accountability({ userId: closer });
    expect(mine.items.map((i) => i.hazardId)).toContain(closedA);
    expect(mine.items.every((i) => [i.foundBy, i.orderedBy, i.acceptedBy, i.closedBy].some((s) => s?.userId === closer))).toBe(true);
    await expectRefusal(world.as('supervisorA').audit.accountability({ jurisdictionId: world.j.districtB }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('committee').audit.accountability({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectInvalidInput(world.as('discipline').audit.accountability({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }), 'to');
  });
});

describe('audit.actors', () => {
  it("finds officials of the caller's subtree by part of the name", async () => {
    const name = (await world.as('supervisorA').hazards.get({ id: closedA })).hazard.closedBy!.name;
    const found = await world.as('discipline').audit.actors({ name: name.slice(0, 2) });
    expect(found.map((f) => f.name)).toContain(name);
    expect(found.every((f) => !['public', 'unit', 'whistleblower'].includes(f.role))).toBe(true);
    await expectInvalidInput(world.as('discipline').audit.actors({ name: ' ' }), 'name');
  });
});
