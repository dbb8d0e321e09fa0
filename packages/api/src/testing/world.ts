import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@firebreak/domain';
import {
  createSealer,
  generateSealingKey,
  insertDepartment,
  insertJurisdiction,
  insertUser,
  insertVenue,
  insertResponsiblePerson,
  type Db,
} from '@firebreak/db';
import { createTestDb, type TestDb } from '@firebreak/db/testing';
import { hashPassword } from '../auth/passwords';
import { createServices, type Services } from '../context/services';
import { createCaller } from '../root';
import { createContextInner, type HttpBridge, type Session } from '../trpc';

/**
 * A small city for router tests: two districts (甲区 in scope of the A-side
 * users, 乙区 outside it), one department of every kind, one user per role and
 * two venues. Tests call procedures as any of these people through
 * `world.as('inspectorA1')`, or as the public through `world.public()`.
 */
export const WORLD_PASSWORD = 'Firebreak-test-2026';

export type WorldUserKey =
  | 'inspectorA1'
  | 'inspectorA2'
  | 'inspectorB1'
  | 'supervisorA'
  | 'supervisorB'
  | 'supervisorCity'
  | 'police'
  | 'industry'
  | 'committee'
  | 'expert'
  | 'discipline'
  | 'rewardOfficer'
  | 'rewardOfficer2'
  | 'custodian'
  | 'admin'
  | 'gridWorker'
  | 'unitA'
  | 'unitB';

export interface World {
  readonly db: TestDb;
  readonly services: Services;
  /** Fixed instant all callers see unless a test passes its own clock. */
  now: Date;
  readonly j: { province: string; city: string; districtA: string; districtB: string; streetA: string; streetB: string; communityA: string; gridA: string };
  readonly d: {
    detachment: string;
    brigadeA: string;
    brigadeB: string;
    policeA: string;
    education: string;
    committee: string;
    experts: string;
    discipline: string;
    streetOffice: string;
  };
  readonly venues: { A: string; B: string };
  readonly users: Record<WorldUserKey, { id: string; username: string; role: Role }>;
  as(key: WorldUserKey, opts?: { http?: Partial<HttpBridge> }): ReturnType<typeof createCaller>;
  public(opts?: { http?: Partial<HttpBridge>; locale?: 'zh-CN' | 'en' }): ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

/** A cookie jar standing in for the browser in tests (the server's real bridge is fastify's). */
export function testHttp(overrides: Partial<HttpBridge> = {}): HttpBridge & { jar: Map<string, string> } {
  const jar = new Map<string, string>();
  return {
    jar,
    getCookie: (name) => jar.get(name),
    setCookie: (name, value) => void jar.set(name, value),
    clearCookie: (name) => void jar.delete(name),
    clientKey: overrides.clientKey ?? `client-${randomUUID()}`,
    userAgent: 'vitest',
    ...overrides,
  };
}

export async function createWorld(options: { now?: Date } = {}): Promise<World> {
  const db = await createTestDb();
  const services = createServices({ sealer: createSealer(generateSealingKey()), receiptPepper: randomBytes(32).toString('hex') });
  const x: Db = db.db;

  const id = () => randomUUID();
  const j = { province: id(), city: id(), districtA: id(), districtB: id(), streetA: id(), streetB: id(), communityA: id(), gridA: id() };
  await insertJurisdiction(x, { id: j.province, parentId: null, level: 'province', name: '测试省' });
  await insertJurisdiction(x, { id: j.city, parentId: j.province, level: 'city', name: '测试市' });
  await insertJurisdiction(x, { id: j.districtA, parentId: j.city, level: 'district', name: '甲区' });
  await insertJurisdiction(x, { id: j.districtB, parentId: j.city, level: 'district', name: '乙区' });
  await insertJurisdiction(x, { id: j.streetA, parentId: j.districtA, level: 'street', name: '甲街道' });
  await insertJurisdiction(x, { id: j.streetB, parentId: j.districtB, level: 'street', name: '乙街道' });
  await insertJurisdiction(x, { id: j.communityA, parentId: j.streetA, level: 'community', name: '甲社区' });
  await insertJurisdiction(x, { id: j.gridA, parentId: j.communityA, level: 'grid', name: '甲一网格' });

  const d = {
    detachment: await insertDepartment(x, { name: '测试市消防救援支队', kind: 'fire_agency', level: 'city', jurisdictionId: j.city }),
    brigadeA: await insertDepartment(x, { name: '甲区消防救援大队', kind: 'fire_agency', level: 'district', jurisdictionId: j.districtA }),
    brigadeB: await insertDepartment(x, { name: '乙区消防救援大队', kind: 'fire_agency', level: 'district', jurisdictionId: j.districtB }),
    policeA: await insertDepartment(x, { name: '甲街派出所', kind: 'police_station', level: 'street', jurisdictionId: j.streetA }),
    education: await insertDepartment(x, { name: '测试市教育局', kind: 'industry', sector: 'education', level: 'city', jurisdictionId: j.city }),
    committee: await insertDepartment(x, { name: '测试市消安委办', kind: 'committee_office', level: 'city', jurisdictionId: j.city }),
    experts: await insertDepartment(x, { name: '测试市消防专家库', kind: 'expert_pool', level: 'city', jurisdictionId: j.city }),
    discipline: await insertDepartment(x, { name: '测试市纪委监委', kind: 'discipline', level: 'city', jurisdictionId: j.city }),
    streetOffice: await insertDepartment(x, { name: '甲街道办事处', kind: 'government', level: 'street', jurisdictionId: j.streetA }),
  };

  const venues = {
    A: await insertVenue(x, { name: '甲区好又多超市', address: '甲区人民路1号', lat: 30.0, lng: 120.0, categories: ['market'], flags: ['key_unit'], jurisdictionId: j.gridA, publicToken: randomBytes(16).toString('hex') }),
    B: await insertVenue(x, { name: '乙区快捷宾馆', address: '乙区解放路2号', lat: 30.1, lng: 120.1, categories: ['small_hotel'], jurisdictionId: j.streetB, publicToken: randomBytes(16).toString('hex') }),
  };
  await insertResponsiblePerson(x, { venueId: venues.A, role: 'responsible', name: '张责任' });
  await insertResponsiblePerson(x, { venueId: venues.A, role: 'manager', name: '李管理' });

  const passwordHash = await hashPassword(WORLD_PASSWORD);
  const spec: Record<WorldUserKey, { role: Role; name: string; dept?: string; jur?: string; venue?: string }> = {
    inspectorA1: { role: 'inspector', name: '王监督', dept: d.brigadeA, jur: j.districtA },
    inspectorA2: { role: 'inspector', name: '赵监督', dept: d.brigadeA, jur: j.districtA },
    inspectorB1: { role: 'inspector', name: '钱监督', dept: d.brigadeB, jur: j.districtB },
    supervisorA: { role: 'fire_supervisor', name: '孙大队长', dept: d.brigadeA, jur: j.districtA },
    supervisorB: { role: 'fire_supervisor', name: '周大队长', dept: d.brigadeB, jur: j.districtB },
    supervisorCity: { role: 'fire_supervisor', name: '吴支队长', dept: d.detachment, jur: j.city },
    police: { role: 'police_officer', name: '郑民警', dept: d.policeA, jur: j.streetA },
    industry: { role: 'industry_officer', name: '冯科长', dept: d.education, jur: j.city },
    committee: { role: 'committee_officer', name: '陈主任', dept: d.committee, jur: j.city },
    expert: { role: 'expert', name: '褚专家', dept: d.experts, jur: j.city },
    discipline: { role: 'discipline_inspector', name: '卫纪检', dept: d.discipline, jur: j.city },
    rewardOfficer: { role: 'reward_officer', name: '蒋经办', dept: d.detachment, jur: j.city },
    rewardOfficer2: { role: 'reward_officer', name: '沈经办', dept: d.detachment, jur: j.city },
    custodian: { role: 'custodian', name: '韩保管', dept: d.detachment, jur: j.city },
    admin: { role: 'admin', name: '杨管理员', dept: d.detachment, jur: j.province },
    gridWorker: { role: 'grid_worker', name: '朱网格', dept: d.streetOffice, jur: j.gridA },
    unitA: { role: 'unit', name: '好又多超市', venue: venues.A, jur: j.gridA },
    unitB: { role: 'unit', name: '快捷宾馆', venue: venues.B, jur: j.streetB },
  };
  const users = {} as Record<WorldUserKey, { id: string; username: string; role: Role }>;
  for (const [key, s] of Object.entries(spec) as [WorldUserKey, (typeof spec)[WorldUserKey]][]) {
    const uid = await insertUser(x, {
      username: key,
      displayName: s.name,
      role: s.role,
      passwordHash,
      departmentId: s.dept ?? null,
      jurisdictionId: s.jur ?? null,
      venueId: s.venue ?? null,
    });
    users[key] = { id: uid, username: key, role: s.role };
  }

  const world: World = {
    db,
    services,
    now: options.now ?? new Date('2026-03-02T02:00:00Z'), // a Monday, 10:00 in China
    j,
    d,
    venues,
    users,
    as(key, opts = {}) {
      const u = users[key];
      const s = spec[key];
      const session: Session = {
        sessionId: `test-${key}`,
        actor: { userId: u.id, name: s.name, role: s.role, departmentId: s.dept ?? null, jurisdictionId: s.jur ?? null },
        venueId: s.venue ?? null,
      };
      return createCaller(createContextInner({ db: x, services, session, clock: () => world.now, http: testHttp(opts.http) }));
    },
    public(opts = {}) {
      return createCaller(createContextInner({ db: x, services, session: null, clock: () => world.now, http: testHttp(opts.http), locale: opts.locale ?? 'zh-CN' }));
    },
    close: () => db.close(),
  };
  return world;
}
