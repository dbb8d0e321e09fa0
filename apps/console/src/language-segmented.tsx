import { LANGUAGES, LANGUAGE_LABELS, isLanguage, useI18n } from '@firebreak/ui';
import { Segmented } from 'antd';

export function LanguageSegmented() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented
      aria-label={t('language.switch')}
      size="small"
      value={language}
      options={LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_LABELS[lang] }))}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
    />
  );
}
