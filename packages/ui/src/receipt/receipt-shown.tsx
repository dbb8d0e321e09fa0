import { useState, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { copyText, groupReceipt } from './receipt';

export interface ReceiptShownProps {
  readonly receipt: string;
  readonly submittedAt: string;
  readonly verificationDue: string;
  readonly dateTime: (iso: string) => string;
  /** The site's buttons under the warning; `copy` puts the receipt on the clipboard and says how it went. */
  readonly actions: (copy: () => void) => ReactNode;
  readonly keys: {
    readonly title: MessageKey;
    readonly lead: MessageKey;
    readonly label: MessageKey;
    readonly warning: MessageKey;
    readonly copied: MessageKey;
    readonly copyFailed: MessageKey;
    readonly submittedAt: MessageKey;
    readonly due: MessageKey;
  };
  readonly classes: {
    readonly ok: string;
    readonly title: string;
    readonly box: string;
    readonly label: string;
    readonly code: string;
    readonly group: string;
    readonly warning: string;
    readonly status: string;
    readonly facts: string;
  };
}

/**
 * The receipt of a filed report, shown once: the code in groups of four, the warning that losing
 * it loses access, the site's actions, and when it was filed and is due to be verified.
 */
export function ReceiptShown({ receipt, submittedAt, verificationDue, dateTime, actions, keys: k, classes: c }: ReceiptShownProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const copy = () => void copyText(receipt).then((ok) => setCopied(ok ? 'ok' : 'failed'));
  return (
    <>
      <div className={c.ok} aria-hidden="true">
        ✓
      </div>
      <h2 id="receipt-title" className={c.title}>
        {t(k.title)}
      </h2>
      <p>{t(k.lead)}</p>
      <div className={c.box}>
        <p className={c.label} id="receipt-label">
          {t(k.label)}
        </p>
        <p className={c.code} aria-labelledby="receipt-label" data-testid="receipt">
          {groupReceipt(receipt).map((g, i) => (
            <span key={i} className={c.group}>
              {g}
            </span>
          ))}
        </p>
      </div>
      <p className={c.warning} role="note">
        {t(k.warning)}
      </p>
      {actions(copy)}
      <p role="status" className={c.status}>
        {copied === 'ok' ? t(k.copied) : copied === 'failed' ? t(k.copyFailed) : ''}
      </p>
      <dl className={c.facts}>
        <div>
          <dt>{t(k.submittedAt)}</dt>
          <dd>{dateTime(submittedAt)}</dd>
        </div>
        <div>
          <dt>{t(k.due)}</dt>
          <dd>{dateTime(verificationDue)}</dd>
        </div>
      </dl>
    </>
  );
}
