import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFine } from './check-fine';
import { FINE_PROVISIONS } from './fine-provisions';
import { planDetentionReferral } from './plan-detention-referral';

describe('checkFine: statutory ranges of 消防法 (2021)', () => {
  const inRange: [string, Parameters<typeof checkFine>[0], string][] = [
    ['Art. 58 unit floor', { article: 58, target: 'unit', amountYuan: 30_000 }, '58.1'],
    ['Art. 58 unit ceiling', { article: 58, target: 'unit', amountYuan: 300_000 }, '58.1'],
    ['Art. 60 para 1 unit', { article: 60, paragraph: 1, target: 'unit', amountYuan: 5_000 }, '60.1'],
    ['Art. 60 unit without paragraph', { article: 60, target: 'unit', amountYuan: 50_000 }, '60.1'],
    ['Art. 60 para 2 individual, item 3', { article: 60, paragraph: 2, item: 3, target: 'individual', amountYuan: 500 }, '60.2'],
    ['Art. 61 三合一 unit', { article: 61, target: 'unit', amountYuan: 20_000 }, '61'],
    ['Art. 61 para 2 (依照前款)', { article: 61, paragraph: 2, target: 'unit', amountYuan: 5_000 }, '61'],
    ['Art. 65 unit', { article: 65, target: 'unit', amountYuan: 50_000 }, '65.2'],
    ['Art. 65 responsible person', { article: 65, target: 'individual', amountYuan: 2_000 }, '65.2'],
    ['Art. 66 unit', { article: 66, target: 'unit', amountYuan: 1_000 }, '66'],
    ['Art. 69 organisation', { article: 69, target: 'unit', amountYuan: 100_000 }, '69.1'],
    ['Art. 69 responsible person', { article: 69, target: 'individual', amountYuan: 10_000 }, '69.1'],
    ['Art. 69 substandard service', { article: 69, variant: 'substandard_service', target: 'unit', amountYuan: 20_000 }, '69.1-substandard'],
  ];
  it.each(inRange)('%s is within range', (_name, input, id) => {
    const r = checkFine(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.provision.id).toBe(id);
  });

  const outOfRange: [string, Parameters<typeof checkFine>[0], number, number][] = [
    ['Art. 58 below', { article: 58, target: 'unit', amountYuan: 29_999 }, 30_000, 300_000],
    ['Art. 58 above', { article: 58, target: 'unit', amountYuan: 300_001 }, 30_000, 300_000],
    ['Art. 60 unit below', { article: 60, target: 'unit', amountYuan: 4_999 }, 5_000, 50_000],
    ['Art. 60 individual above', { article: 60, item: 2, target: 'individual', amountYuan: 501 }, 1, 500],
    ['Art. 65 person above', { article: 65, target: 'individual', amountYuan: 2_001 }, 500, 2_000],
    ['Art. 66 above', { article: 66, target: 'unit', amountYuan: 5_001 }, 1_000, 5_000],
    ['Art. 69 organisation below', { article: 69, target: 'unit', amountYuan: 49_999 }, 50_000, 100_000],
    ['Art. 69 person above', { article: 69, target: 'individual', amountYuan: 50_001 }, 10_000, 50_000],
  ];
  it.each(outOfRange)('%s is refused with the range in details', (_name, input, minYuan, maxYuan) => {
    const r = checkFine(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ENFORCEMENT.FINE_OUT_OF_RANGE');
      expect(r.error.details).toMatchObject({ minYuan, maxYuan, amountYuan: input.amountYuan });
      expect(r.error.messageZh).toContain(String(minYuan));
    }
  });

  it('refuses a target the article does not fine', () => {
    for (const input of [
      { article: 58, target: 'individual' as const, amountYuan: 50_000 },
      { article: 60, paragraph: 1, target: 'individual' as const, amountYuan: 500 },
      { article: 60, paragraph: 2, item: 2, target: 'unit' as const, amountYuan: 5_000 },
      // Item 1 (facilities not to standard) carries no individual fine.
      { article: 60, item: 1, target: 'individual' as const, amountYuan: 100 },
    ]) {
      const r = checkFine(input);
      expect(!r.ok && r.error.code).toBe('ENFORCEMENT.NO_FINE_FOR_TARGET');
    }
  });

  it('needs the item for the individual fine of Art. 60 para 2', () => {
    const r = checkFine({ article: 60, target: 'individual', amountYuan: 200 });
    expect(!r.ok && r.error).toMatchObject({ code: 'ENFORCEMENT.ITEM_REQUIRED', details: { items: [2, 3, 4, 5] } });
  });

  it('sends detention articles to the police station instead of fining', () => {
    for (const article of [62, 63, 64, 68]) {
      const r = checkFine({ article, target: 'individual', amountYuan: 200 });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('ENFORCEMENT.POLICE_MATTER');
        expect(r.error.details?.referral).toMatchObject({ action: 'detention_referral', article, recipient: 'police_station', decidedBy: 'police_station' });
      }
    }
  });

  it('refuses unknown provisions, fractional, zero and negative amounts', () => {
    const r99 = checkFine({ article: 99, target: 'unit', amountYuan: 100 });
    expect(!r99.ok && r99.error.code).toBe('ENFORCEMENT.UNKNOWN_PROVISION');
    const unknown = checkFine({ article: 60, paragraph: 4, target: 'unit', amountYuan: 5_000 });
    expect(!unknown.ok && unknown.error.code).toBe('ENFORCEMENT.UNKNOWN_PROVISION');
    for (const amountYuan of [0, -5_000, 5_000.5, Number.NaN]) {
      const r = checkFine({ article: 60, target: 'unit', amountYuan });
      expect(!r.ok && r.error.code).toBe('ENFORCEMENT.INVALID_AMOUNT');
    }
  });

  it('asks for a paragraph when a configured table makes a citation ambiguous', () => {
    const extra = { ...FINE_PROVISIONS.find((p) => p.id === '60.1')!, id: '60.x', paragraphs: [3] };
    const r = checkFine({ article: 60, target: 'unit', amountYuan: 5_000 }, { fines: [...FINE_PROVISIONS, extra], detentions: [] });
    expect(!r.ok && r.error).toMatchObject({ code: 'ENFORCEMENT.AMBIGUOUS_PROVISION', details: { provisions: ['60.1', '60.x'] } });
  });

  it('accepts exactly the whole-yuan amounts inside each range', () => {
    const cases = FINE_PROVISIONS.flatMap((p) =>
      (['unit', 'individual'] as const).flatMap((target) => {
        const range = p[target];
        return range ? [{ p, target, range }] : [];
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: -10, max: 400_000 }), ({ p, target, range }, amountYuan) => {
        const r = checkFine({ article: p.article, paragraph: p.paragraphs[0], item: p.items?.[0], variant: p.variant, target, amountYuan });
        const inside = amountYuan >= range.minYuan && amountYuan <= range.maxYuan && amountYuan > 0;
        expect(r.ok).toBe(inside);
      }),
    );
  });
});

describe('planDetentionReferral', () => {
  it('produces a referral, never a decision, for detention articles', () => {
    const r = planDetentionReferral({ article: 64 });
    expect(r).toEqual({
      ok: true,
      value: {
        action: 'detention_referral',
        article: 64,
        recipient: 'police_station',
        decidedBy: 'police_station',
        detentionDays: { min: 10, max: 15 },
        basis: expect.stringContaining('第六十四条'),
      },
    });
  });

  it('refuses articles without detention', () => {
    const r = planDetentionReferral({ article: 60 });
    expect(!r.ok && r.error).toMatchObject({ code: 'ENFORCEMENT.NOT_A_DETENTION_MATTER', details: { detentionArticles: [62, 63, 64, 68] } });
  });
});
