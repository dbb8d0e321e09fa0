import { useRef, useState, type FormEvent } from 'react';
import { isReceiptShaped } from '@firebreak/ui';
import { ReceiptField } from '@firebreak/ui/public-forms';
import { useText } from './use-text';

const KEYS = { label: 'wb.receiptForm.label', hint: 'wb.receiptForm.hint', invalid: 'wb.receiptForm.invalid' } as const;
const CLASSES = { field: 'wb-field', label: 'wb-label', hint: 'wb-hint', input: 'wb-input wb-input--receipt', error: 'wb-error' };

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
      <ReceiptField value={receipt} onChange={setReceipt} inputRef={ref} invalid={invalid} error={error} errorId="receipt-refused" keys={KEYS} classes={CLASSES} />
      <button type="submit" className="fb-button" disabled={busy}>
        {busy ? t('wb.loading') : submitLabel}
      </button>
    </form>
  );
}
