import type { RefObject } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

export interface ReceiptFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** The typed text is not receipt-shaped (the site's `invalid` message shows). */
  readonly invalid: boolean;
  /** The lookup's refusal, worded. */
  readonly error: string | null;
  /** id and data-testid of the refusal line. */
  readonly errorId: string;
  readonly keys: { readonly label: MessageKey; readonly hint: MessageKey; readonly invalid: MessageKey };
  readonly classes: { readonly field: string; readonly label: string; readonly hint: string; readonly input: string; readonly error: string };
}

/**
 * The receipt box of the public sites: label, hint, the input (not autocompleted or spell-checked)
 * and its two messages. The receipt stays in the caller's state and goes out only in a POST body.
 */
export function ReceiptField({ value, onChange, inputRef, invalid, error, errorId, keys: k, classes: c }: ReceiptFieldProps) {
  const { t } = useI18n();
  return (
    <div className={c.field}>
      <label htmlFor="receipt" className={c.label}>
        {t(k.label)}
      </label>
      <p id="receipt-hint" className={c.hint}>
        {t(k.hint)}
      </p>
      <input
        id="receipt"
        ref={inputRef}
        className={c.input}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || error ? true : undefined}
        aria-describedby={['receipt-hint', invalid ? 'receipt-error' : '', error ? errorId : ''].filter(Boolean).join(' ')}
      />
      {invalid ? (
        <p id="receipt-error" className={c.error} role="alert">
          {t(k.invalid)}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={c.error} role="alert" data-testid={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
