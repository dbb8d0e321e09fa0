import { LANGUAGES, LANGUAGE_LABELS } from '../i18n/languages';
import { useI18n } from '../i18n/i18n-provider';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="fb-lang" role="group" aria-label={t('language.switch')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="fb-lang__option"
          aria-pressed={lang === language}
          onClick={() => setLanguage(lang)}
        >
          {LANGUAGE_LABELS[lang]}
        </button>
      ))}
    </div>
  );
}
