import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

export const LANGUAGE_STORAGE_KEY = 'firebreak.language';

/** The subset of the Web Storage API we use, so tests and private-mode browsers can pass their own. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return null;
  }
}

export function loadLanguage(storage: KeyValueStorage | null = defaultStorage()): Language {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function saveLanguage(language: Language, storage: KeyValueStorage | null = defaultStorage()): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // A full or blocked storage only costs the preference, never the page.
  }
}
