import { describe, expect, it } from 'vitest';
import { dictionary, placeholdersOf, translate, type MessageKey } from './dictionary';
import { LANGUAGES } from './languages';
import { LANGUAGE_STORAGE_KEY, loadLanguage, saveLanguage, type KeyValueStorage } from './language-store';

const keys = Object.keys(dictionary) as MessageKey[];
const HAN = /\p{Script=Han}/u;

describe('i18n dictionary', () => {
  it.each(keys)('%s has a non-blank text in every language', (key) => {
    for (const lang of LANGUAGES) {
      const text: unknown = (dictionary[key] as Record<string, unknown>)[lang];
      expect(typeof text, `${key} [${lang}]`).toBe('string');
      expect((text as string).trim().length, `${key} [${lang}]`).toBeGreaterThan(0);
    }
    expect(Object.keys(dictionary[key]).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(keys)('%s uses the same placeholders in both languages', (key) => {
    expect(placeholdersOf(dictionary[key]['zh-CN'])).toEqual(placeholdersOf(dictionary[key].en));
  });

  it('keeps Chinese in zh-CN and none in en (catches swapped or untranslated entries)', () => {
    // The brand name is the one string written the same in both languages.
    const untranslated = keys.filter((k) => k !== 'brand.name' && !HAN.test(dictionary[k]['zh-CN']));
    const chineseInEnglish = keys.filter((k) => HAN.test(dictionary[k].en));
    expect(untranslated).toEqual([]);
    expect(chineseInEnglish).toEqual([]);
  });

  it('names the three products as the brief does', () => {
    expect(translate('zh-CN', 'product.portal.name')).toBe('消防隐患举报');
    expect(translate('zh-CN', 'product.whistleblower.name')).toBe('内部吹哨人举报与奖励');
    expect(translate('zh-CN', 'product.console.name')).toBe('管理与联合执法控制台');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'health.checkedAt', { time: '10:20:30' })).toBe('Checked at 10:20:30');
    expect(translate('zh-CN', 'health.checkedAt')).toBe('检测时间 {time}');
  });
});

describe('language persistence', () => {
  function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
    const data = { ...initial };
    return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
  }

  it('defaults to zh-CN when nothing or garbage is stored', () => {
    expect(loadLanguage(memoryStorage())).toBe('zh-CN');
    expect(loadLanguage(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'fr' }))).toBe('zh-CN');
    expect(loadLanguage(null)).toBe('zh-CN');
  });

  it('round-trips the chosen language', () => {
    const storage = memoryStorage();
    saveLanguage('en', storage);
    expect(storage.data[LANGUAGE_STORAGE_KEY]).toBe('en');
    expect(loadLanguage(storage)).toBe('en');
  });

  it('survives a storage that throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadLanguage(broken)).toBe('zh-CN');
    expect(() => saveLanguage('en', broken)).not.toThrow();
  });
});
