import { VENUE_CATEGORIES, type DrawStage } from '@firebreak/domain';
import type { Label } from './text';

export const DRAW_STAGE_TEXT: Record<DrawStage, Label> = {
  committed: { zh: '承诺已公布，待抽取', en: 'Committed, not yet drawn' },
  drawn: { zh: '已抽取，待公开', en: 'Drawn, not yet published' },
  published: { zh: '已公开', en: 'Published' },
};

export const DRAW_STAGE_TONES: Record<DrawStage, 'warn' | 'info' | 'ok'> = { committed: 'warn', drawn: 'info', published: 'ok' };

export function categoryLabel(code: string): Label {
  return VENUE_CATEGORIES.find((c) => c.code === code) ?? { zh: code, en: code };
}

const groupsOf = (code: string): readonly string[] => VENUE_CATEGORIES.find((c) => c.code === code)?.groups ?? [];
const isKey = (code: string) => groupsOf(code).includes('key_national') || groupsOf(code).includes('key_provincial');

/**
 * The monthly ratios the seeds name: crowded-venue key units at least 10 %, other key units 5 %
 * (a starting point the operator edits; each category is one stratum per district).
 */
export function monthlyKeyUnitRatios(): { category: string; percent: number }[] {
  return VENUE_CATEGORIES.filter((c) => isKey(c.code)).map((c) => ({ category: c.code, percent: groupsOf(c.code).includes('crowded') ? 10 : 5 }));
}
