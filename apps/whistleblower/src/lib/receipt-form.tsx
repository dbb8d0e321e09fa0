import { useRef, useState, type FormEvent } from 'react';
import { isReceiptShaped } from '@firebreak/ui';
import { useText } from './use-text';

/**
 * The receipt box shared by follow-up and claim. The receipt stays in this
 * component's state and goes out only in a POST body (every receipt procedure
 * is a mutation); the field is not autocompleted or spell-checked.
 */
export function ReceiptForm({ submitLabel, busy, error, onSubmit }: { submitLabel: string; busy: boolean; error: string | null; onSubmit: (receipt: string) => void }) {
  const { t } = useText();
  const [receipt, setReceipt] = useState('');
  const [invalid, setInvalid] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isReceiptShaped(receipt)) {
      setInvalid(true);
      ref.current?.focus();
      return;
    }
    setInvalid(false);
    onSubmit(receipt.replace(/[\s-]/g, ''));
  };
  return (
    <form onSubmit={submit} noValidate className="wb-receipt-form">
      <div className="wb-field">
        <label htmlFor="receipt" className="wb-label">
          {t('wb.receiptForm.label')}
        </label>
        <p id="receipt-hint" className="wb-hint">
          {t('wb.receiptForm.hint')}
        </p>
        <input
          id="receipt"
          ref={ref}
          className="wb-input wb-input--receipt"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={receipt}
          onChange={(e) => setReceipt(e.target.value)}
          aria-invalid={invalid || error ? true : undefined}
          aria-describedby={['receipt-hint', invalid ? 'receipt-error' : '', error ? 'receipt-refused' : ''].filter(Boolean).join(' ')}
        />
        {invalid ? (
          <p id="receipt-error" className="wb-error" role="alert">
            {t('wb.receiptForm.invalid')}
          </p>
        ) : null}
        {error ? (
          <p id="receipt-refused" className="wb-error" role="alert" data-testid="receipt-refused">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="fb-button" disabled={busy}>
        {busy ? t('wb.loading') : submitLabel}
      </button>
    </form>
  );
}
