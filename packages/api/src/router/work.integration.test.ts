import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { fileReport } from '../testing/staff-fixtures';
import { fileReport as fileRewardReport, rewardAtStage, substantiate } from '../testing/rewards-fixtures';
import { actorOf } from '../testing/staff-fixtures';
import { expectRefusal } from '../testing/expect-refusal';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(() => world?.close());

const mine = async (key: Parameters<World['as']>[0]) => (await world.as(key).work.mine()).items;
const has = <T extends { entity: string; id: string }>(items: T[], entity: string, id: string) => items.find((i) => i.entity === entity && i.id === id);

describe('work.mine', () => {
  it('puts a new report in the queue of the inspectors of its district only, with its clock', async () => {
    const reportId = await fileReport(world, { venue: 'A' });
    const a1 = has(await mine('inspectorA1'), 'report', reportId);
    expect(a1).toMatchObject({ status: 'submitted', command: 'accept', task: { zh: '受理举报' }, overdue: false });
    expect(a1?.dueAt).toBeTruthy();
    // The record page reads the same clock (a one-table select once compared deadlines with their own id).
    const page = await world.as('inspectorA1').reports.get({ id: reportId });
    expect(page.deadline).toMatchObject({ nextDeadline: a1!.dueAt });
    expect(has(await mine('inspectorB1'), 'report', reportId)).toBeUndefined();
    expect(await mine('discipline')).toEqual([]);
  });

  it('a report under verification waits on its assignee, not on the other inspector', async () => {
    const reportId = await fileReport(world, { venue: 'A' });
    await world.as('inspectorA1').reports.accept({ id: reportId });
    await world.as('supervisorA').reports.assign({ id: reportId, assigneeUserId: world.users.inspectorA2.id });
    expect(has(await mine('inspectorA2'), 'report', reportId)).toMatchObject({ command: 'substantiate', status: 'verifying' });
    expect(has(await mine('inspectorA1'), 'report', reportId)).toBeUndefined();
  });

  it('a determined reward waits on a supervisor for approval, not on the officer who determined it', async () => {
    const r = await fileRewardReport(world, { jurisdictionId: world.j.districtA, identity: { name: '举报人', phone: '13600001111' } });
    await substantiate(world, r, { inspector: await actorOf(world, 'inspectorA1') });
    const { rewardId } = await rewardAtStage(world, r.reportId, 'determined', { officer: world.as('rewardOfficer'), approver: world.as('supervisorA') });
    expect(has(await mine('supervisorA'), 'reward', rewardId)).toMatchObject({ command: 'approve' });
    expect(has(await mine('rewardOfficer'), 'reward', rewardId)).toBeUndefined();
  });

  it('is sorted by legal deadline, earliest first, undated last', async () => {
    const items = await mine('supervisorA');
    const dated = items.map((i) => i.dueAt);
    const firstNull = dated.indexOf(null);
    const head = firstNull === -1 ? dated : dated.slice(0, firstNull);
    expect([...head].sort()).toEqual(head);
    if (firstNull !== -1) expect(dated.slice(firstNull).every((d) => d === null)).toBe(true);
  });

  it('is for staff: a unit account and the public are refused', async () => {
    await expectRefusal(world.as('unitA').work.mine(), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.public().work.mine(), 'UNAUTHORIZED', 'AUTH.UNAUTHENTICATED');
  });
});
