import { groupsOf } from '../catalog/venue-categories';
import { VENUE_CLASSES, type VenueClass } from './rule-table';

/**
 * The GB 35181 venue classes a venue's catalog categories suggest, so the determination screen
 * opens on the elements and combinations that apply to it. A suggestion only: the determining
 * group confirms or changes it (a shop that also stores fuel is flammable-goods too, which the
 * catalog does not say).
 *
 * - crowded: any category in the 人员密集场所 group (消防法 第七十三条);
 * - important: high-rise and heritage buildings (重要场所) [U];
 * - other: when neither applies.
 */
const IMPORTANT_CATEGORIES: readonly string[] = ['high_rise', 'heritage_building'];

export function suggestVenueClasses(categories: readonly string[]): VenueClass[] {
  const out = new Set<VenueClass>();
  if (groupsOf(categories).includes('crowded')) out.add('crowded');
  if (categories.some((c) => IMPORTANT_CATEGORIES.includes(c))) out.add('important');
  if (out.size === 0) out.add('other');
  return VENUE_CLASSES.filter((c) => out.has(c));
}

export const VENUE_CLASS_LABELS: Readonly<Record<VenueClass, { readonly zh: string; readonly en: string }>> = {
  crowded: { zh: '人员密集场所', en: 'Crowded venue' },
  flammable_goods: { zh: '易燃易爆危险品场所', en: 'Flammable-goods venue' },
  important: { zh: '重要场所', en: 'Important venue' },
  other: { zh: '其他场所', en: 'Other venue' },
};
