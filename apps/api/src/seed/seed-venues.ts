import { randomBytes } from 'node:crypto';
import { RISK_CATEGORIES } from '@firebreak/domain';
import { insertSeedCommitment, insertResponsiblePerson, insertVenue, type Db, type Sealer } from '@firebreak/db';
import type { DemoVenue } from './demo-venues';
import type { Random } from './random';

export interface SeededVenue {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly lat: number;
  readonly lng: number;
  readonly categories: readonly string[];
  readonly jurisdictionId: string;
  readonly responsibleName: string;
}

const RESPONSIBLE_DUTIES = '全面负责本单位消防安全工作，保障消防安全所需资金，组织防火检查和隐患整改，确定逐级消防安全责任。';
const MANAGER_DUTIES = '组织实施日常防火巡查检查、消防设施维护保养、员工消防培训和灭火应急疏散演练，及时报告和整改火灾隐患。';

/** Stable per-venue phone numbers are not needed: a random mobile-looking number, sealed at rest. */
function demoPhone(rng: Random): string {
  return `1${rng.pick(['35', '38', '39', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/**
 * Venues with both published names (两公开) and, for about four in ten, a signed
 * commitment (一承诺) dated in the last months. Phones are sealed like every
 * other personal detail.
 */
export async function seedVenues(
  db: Db,
  venues: readonly DemoVenue[],
  opts: { sealer: Sealer; rng: Random; now: Date },
): Promise<SeededVenue[]> {
  const out: SeededVenue[] = [];
  for (const v of venues) {
    const id = await insertVenue(db, {
      name: v.name,
      address: v.address,
      lat: v.lat,
      lng: v.lng,
      categories: v.categories,
      flags: v.flags,
      attributes: { ...v.attributes, responsiblePosition: v.responsible.position, managerPosition: v.manager.position },
      jurisdictionId: v.jurisdictionId,
      creditCode: v.creditCode,
      // Printed in the QR code at the door: unguessable, so it comes from the CSPRNG, not the seeded generator.
      publicToken: randomBytes(16).toString('hex'),
    });
    await insertResponsiblePerson(db, {
      venueId: id,
      role: 'responsible',
      name: v.responsible.name,
      phoneSealed: opts.sealer.seal(demoPhone(opts.rng), `responsible_persons.phone:${id}:responsible`),
      duties: RESPONSIBLE_DUTIES,
    });
    await insertResponsiblePerson(db, {
      venueId: id,
      role: 'manager',
      name: v.manager.name,
      phoneSealed: opts.sealer.seal(demoPhone(opts.rng), `responsible_persons.phone:${id}:manager`),
      duties: MANAGER_DUTIES,
    });
    if (opts.rng.chance(0.4)) {
      const signedAt = new Date(opts.now.getTime() - opts.rng.int(5, 120) * 86_400_000);
      const measures = opts.rng.chance(0.5);
      const risks = RISK_CATEGORIES.slice(0, 9);
      await insertSeedCommitment(db, {
        venueId: id,
        kind: measures ? 'measures_in_place' : 'no_prominent_risk',
        content: {
          text: measures
            ? `本单位已对照“9+4”类突出风险开展自查，对发现的问题已落实整改措施，承诺${v.name}不存在未落实管控措施的突出风险。`
            : `本单位已对照“9+4”类突出风险开展自查，承诺${v.name}不存在消防安全突出风险，如有不实，愿承担相应法律责任。`,
          riskCategories: risks.map((r) => r.code),
          measures: measures ? [{ riskCategory: 'ebike_indoor', measure: '设置室外集中充电区，室内禁止停放充电' }] : [],
          signatureRef: `demo-signature:${id}`,
        },
        signedByName: v.responsible.name,
        signedAt,
        validUntil: new Date(signedAt.getTime() + 365 * 86_400_000),
      });
    }
    out.push({
      id,
      name: v.name,
      address: v.address,
      lat: v.lat,
      lng: v.lng,
      categories: v.categories,
      jurisdictionId: v.jurisdictionId,
      responsibleName: v.responsible.name,
    });
  }
  return out;
}
