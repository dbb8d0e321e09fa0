import { describe, expect, it } from 'vitest';
import { classifyMultiUse, type MixedUseFacts } from './classify-multi-use';

const none: MixedUseFacts = {
  livingQuarters: false,
  production: false,
  storage: false,
  business: false,
  flammableGoods: false,
  separatedPerStandard: false,
};

describe('classifyMultiUse', () => {
  it('needs living quarters mixed with another use', () => {
    expect(classifyMultiUse({ ...none, business: true })).toEqual({ multiUse: false });
    expect(classifyMultiUse({ ...none, livingQuarters: true })).toEqual({ multiUse: false });
    expect(classifyMultiUse({ ...none, livingQuarters: true, business: true })).toEqual({ multiUse: true, prohibited: false });
    expect(classifyMultiUse({ ...none, livingQuarters: true, production: true, storage: true })).toEqual({ multiUse: true, prohibited: false });
  });

  it('takes a mix separated to GA 703 out of the category', () => {
    expect(classifyMultiUse({ ...none, livingQuarters: true, storage: true, separatedPerStandard: true })).toEqual({ multiUse: false });
  });

  it('never lets separation cure living with flammable goods', () => {
    expect(classifyMultiUse({ ...none, livingQuarters: true, flammableGoods: true, separatedPerStandard: true })).toEqual({
      multiUse: true,
      prohibited: true,
    });
  });
});
