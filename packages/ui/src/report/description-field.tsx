import type { ComponentPropsWithRef } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

export interface DescriptionFieldProps {
  /** The form library's props for the textarea (react-hook-form's `register('description')`). */
  readonly inputProps: ComponentPropsWithRef<'textarea'>;
  /** How many characters are typed, and the most taken. */
  readonly length: number;
  readonly max: number;
  /** The validation message key, if the field is wrong. */
  readonly error: string | undefined;
  readonly keys: { readonly label: MessageKey; readonly hint: MessageKey; readonly chars: MessageKey };
  readonly classes: { readonly field: string; readonly label: string; readonly req: string; readonly hint: string; readonly input: string; readonly count: string; readonly error: string };
}

/** The report form's required description: label, hint, the textarea, a character count and its error. */
export function DescriptionField({ inputProps, length, max, error, keys: k, classes: c }: DescriptionFieldProps) {
  const { t } = useI18n();
  return (
    <div className={c.field}>
      <label htmlFor="description" className={c.label}>
        {t(k.label)} <span className={c.req} aria-hidden="true">*</span>
      </label>
      <p id="description-hint" className={c.hint}>
        {t(k.hint)}
      </p>
      <textarea
        id="description"
        rows={5}
        className={c.input}
        maxLength={max}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={['description-hint', 'description-count', error && 'description-error'].filter(Boolean).join(' ')}
        {...inputProps}
      />
      <p id="description-count" className={c.count}>
        {t(k.chars, { count: length, max })}
      </p>
      {error ? (
        <p id="description-error" className={c.error}>
          {t(error as MessageKey)}
        </p>
      ) : null}
    </div>
  );
}
