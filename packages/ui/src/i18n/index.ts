export { LANGUAGES, DEFAULT_LANGUAGE, LANGUAGE_LABELS, isLanguage, type Language } from './languages';
export { dictionary, translate, placeholdersOf, type MessageKey, type MessageParams } from './dictionary';
export { LANGUAGE_STORAGE_KEY, loadLanguage, saveLanguage, type KeyValueStorage } from './language-store';
export { I18nProvider, useI18n, type I18n } from './i18n-provider';
