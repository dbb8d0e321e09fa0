import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { err, ok, type Result } from '../common/errors';
import { jsonString } from './json-string';
import type { DrawInspector, DrawUnit } from './draw-inputs';

declare const frozen: unique symbol;

/**
 * The unit library and the inspector list frozen for a draw, in canonical order
 * (by id), with their digests. It is a separate step because the digests are a
 * commitment: they should be published BEFORE the public random value is known,
 * so nobody can adjust the lists after seeing it. Only prepareDrawPopulation
 * makes one (the brand), so a draw never runs on unsorted or unchecked lists.
 */
export interface DrawPopulation {
  readonly units: readonly DrawUnit[];
  readonly inspectors: readonly DrawInspector[];
  /** sha256 (hex) of canonicalJson(units.map(unitTuple)). */
  readonly unitsDigest: string;
  /** sha256 (hex) of canonicalJson(inspectors.map(inspectorTuple)). */
  readonly inspectorsDigest: string;
  readonly [frozen]: true;
}

/**
 * The published form of a unit: a positional tuple, because a million objects
 * with repeated key names would triple the bytes to hash.
 * [id, category, jurisdictionId, regionId, penalisedLastYear, reported, previousInspectorIds sorted and unique]
 */
export type UnitTuple = [string, string, string, string, boolean, boolean, string[]];
/** [id, regionId, departmentId] */
export type InspectorTuple = [string, string, string];

export function unitTuple(u: DrawUnit): UnitTuple {
  return [u.id, u.category, u.jurisdictionId, u.regionId, u.penalisedLastYear, u.reported, canonicalPrevious(u.previousInspectorIds)];
}

export function inspectorTuple(i: DrawInspector): InspectorTuple {
  return [i.id, i.regionId, i.departmentId];
}

export function prepareDrawPopulation(units: readonly DrawUnit[], inspectors: readonly DrawInspector[]): Result<DrawPopulation> {
  for (let i = 0; i < units.length; i++) {
    const problem = unitProblem(units[i]);
    if (problem) return err('DRAW.INVALID_UNIT', `Unit #${i} is invalid: ${problem}`, `第 ${i + 1} 个单位数据不合法：${problem}`, { index: i, problem });
  }
  for (let i = 0; i < inspectors.length; i++) {
    const problem = inspectorProblem(inspectors[i]);
    if (problem) {
      return err('DRAW.INVALID_INSPECTOR', `Inspector #${i} is invalid: ${problem}`, `第 ${i + 1} 名检查人员数据不合法：${problem}`, { index: i, problem });
    }
  }
  const sortedUnits = sortedById(units);
  const sortedInspectors = sortedById(inspectors);
  const dupUnit = firstDuplicate(sortedUnits);
  if (dupUnit !== null) return err('DRAW.DUPLICATE_UNIT', `Unit ${dupUnit} is listed twice`, `单位 ${dupUnit} 重复出现`, { unitId: dupUnit });
  const dupInspector = firstDuplicate(sortedInspectors);
  if (dupInspector !== null) {
    return err('DRAW.DUPLICATE_INSPECTOR', `Inspector ${dupInspector} is listed twice`, `检查人员 ${dupInspector} 重复出现`, { inspectorId: dupInspector });
  }
  const population = {
    units: sortedUnits,
    inspectors: sortedInspectors,
    unitsDigest: digestUnits(sortedUnits),
    inspectorsDigest: digestInspectors(sortedInspectors),
  };
  return ok(population as DrawPopulation);
}

// Streams the canonical JSON into the hash in chunks, so a million units never become one giant string.
const CHUNK = 1 << 18;

function digestUnits(units: readonly DrawUnit[]): string {
  const h = sha256.create();
  let buf = '[';
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const prev = canonicalPrevious(u.previousInspectorIds);
    let prevJson = '[';
    for (let p = 0; p < prev.length; p++) prevJson += (p ? ',' : '') + jsonString(prev[p]!);
    buf +=
      (i ? ',[' : '[') +
      jsonString(u.id) + ',' +
      jsonString(u.category) + ',' +
      jsonString(u.jurisdictionId) + ',' +
      jsonString(u.regionId) + ',' +
      (u.penalisedLastYear ? 'true' : 'false') + ',' +
      (u.reported ? 'true' : 'false') + ',' +
      prevJson + ']]';
    if (buf.length >= CHUNK) {
      h.update(utf8ToBytes(buf));
      buf = '';
    }
  }
  h.update(utf8ToBytes(`${buf}]`));
  return bytesToHex(h.digest());
}

function digestInspectors(inspectors: readonly DrawInspector[]): string {
  let json = '[';
  for (let i = 0; i < inspectors.length; i++) {
    const x = inspectors[i]!;
    json += `${i ? ',' : ''}[${jsonString(x.id)},${jsonString(x.regionId)},${jsonString(x.departmentId)}]`;
  }
  return bytesToHex(sha256(utf8ToBytes(`${json}]`)));
}

function canonicalPrevious(ids: readonly string[]): string[] {
  if (ids.length <= 1) return ids.slice();
  let ordered = true;
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) ordered = false;
  if (ordered) return ids.slice();
  return [...new Set(ids)].sort();
}

/** Already-sorted input (the usual case: the database returns ORDER BY id) is not copied or re-sorted. */
function sortedById<T extends { readonly id: string }>(items: readonly T[]): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1]!.id > items[i]!.id) return items.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return items;
}

function firstDuplicate(sorted: readonly { readonly id: string }[]): string | null {
  for (let i = 1; i < sorted.length; i++) if (sorted[i - 1]!.id === sorted[i]!.id) return sorted[i]!.id;
  return null;
}

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

function unitProblem(u: DrawUnit | undefined): string | null {
  if (!u || typeof u !== 'object') return 'not an object';
  if (!nonEmpty(u.id)) return 'id must be a non-empty string';
  if (!nonEmpty(u.category)) return 'category must be a non-empty string';
  if (!nonEmpty(u.jurisdictionId)) return 'jurisdictionId must be a non-empty string';
  if (!nonEmpty(u.regionId)) return 'regionId must be a non-empty string';
  if (typeof u.penalisedLastYear !== 'boolean' || typeof u.reported !== 'boolean') return 'penalisedLastYear and reported must be booleans';
  if (!Array.isArray(u.previousInspectorIds) || !u.previousInspectorIds.every(nonEmpty)) return 'previousInspectorIds must be non-empty strings';
  return null;
}

function inspectorProblem(x: DrawInspector | undefined): string | null {
  if (!x || typeof x !== 'object') return 'not an object';
  if (!nonEmpty(x.id)) return 'id must be a non-empty string';
  if (!nonEmpty(x.regionId)) return 'regionId must be a non-empty string';
  if (!nonEmpty(x.departmentId)) return 'departmentId must be a non-empty string';
  return null;
}
