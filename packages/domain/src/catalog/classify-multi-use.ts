/** Facts about how a building mixes living with other uses. */
export interface MixedUseFacts {
  /** People sleep on the premises (owner, staff or tenants). */
  readonly livingQuarters: boolean;
  readonly production: boolean;
  readonly storage: boolean;
  readonly business: boolean;
  /** Flammable or explosive goods are produced, stored or sold there. */
  readonly flammableGoods: boolean;
  /** Living part separated as GA 703 requires (non-combustible walls, own exit). */
  readonly separatedPerStandard: boolean;
}

export type MultiUseClassification =
  | { readonly multiUse: false }
  | {
      readonly multiUse: true;
      /**
       * Living in the same building as flammable goods is forbidden outright
       * (消防法 第十九条 第一款); separation cannot cure it.
       */
      readonly prohibited: boolean;
    };

/**
 * 三合一/多合一: living quarters in the same connected space as production,
 * storage or business. The sources use both names for the same category (三合一
 * for the classic 生产、经营、住宿 mix), so no sub-kind is derived. Separation to
 * GA 703 takes an ordinary mix out of the category, never one involving
 * flammable goods.
 */
export function classifyMultiUse(f: MixedUseFacts): MultiUseClassification {
  const mixed = f.production || f.storage || f.business || f.flammableGoods;
  if (!f.livingQuarters || !mixed) return { multiUse: false };
  if (f.flammableGoods) return { multiUse: true, prohibited: true };
  if (f.separatedPerStandard) return { multiUse: false };
  return { multiUse: true, prohibited: false };
}
