import { useState } from 'react';
import { Link } from 'wouter';
import { copyText, groupReceipt } from '@firebreak/ui';
import { useText } from '../lib/use-text';
import { filedReceipt } from '../lib/receipt-store';

/** Journey 3: the receipt, once, with the warning that losing it loses access. */
export default function ReceiptPage() {
  const { t, dateTime } = useText();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const filed = filedReceipt();

  if (!filed) {
    return (
      <section className="fb-card" aria-labelledby="receipt-title">
        <h2 id="receipt-title" className="wb-pagetitle">
          {t('wb.receipt.label')}
        </h2>
        <p>{t('wb.receipt.gone')}</p>
        <div className="fb-actions">
          <Link href="/follow-up" className="fb-button">
            {t('wb.action.followUp')}
          </Link>
        </div>
      </section>
    );
  }
  return (
    <section className="fb-card wb-receipt" aria-labelledby="receipt-title">
      <div className="wb-receipt__ok" aria-hidden="true">
        ✓
      </div>
      <h2 id="receipt-title" className="wb-pagetitle">
        {t('wb.receipt.title')}
      </h2>
      <p>{t('wb.receipt.lead')}</p>
      <div className="wb-receipt__box">
        <p className="wb-receipt__label" id="receipt-label">
          {t('wb.receipt.label')}
        </p>
        <p className="wb-receipt__code" aria-labelledby="receipt-label" data-testid="receipt">
          {groupReceipt(filed.receipt).map((g, i) => (
            <span key={i} className="wb-receipt__group">
              {g}
            </span>
          ))}
        </p>
      </div>
      <p className="wb-warning" role="note">
        {t('wb.receipt.warning')}
      </p>
      <div className="wb-row">
        <button type="button" className="fb-button fb-button--secondary" onClick={() => void copyText(filed.receipt).then((ok) => setCopied(ok ? 'ok' : 'failed'))}>
          {t('wb.receipt.copy')}
        </button>
      </div>
      <p role="status" className="wb-hint">
        {copied === 'ok' ? t('wb.receipt.copied') : copied === 'failed' ? t('wb.receipt.copyFailed') : ''}
      </p>
      <dl className="wb-facts">
        <div>
          <dt>{t('wb.receipt.submittedAt')}</dt>
          <dd>{dateTime(filed.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('wb.receipt.due')}</dt>
          <dd>{dateTime(filed.verificationDue)}</dd>
        </div>
      </dl>
      <p className="wb-hint">{t('wb.receipt.gone')}</p>
      <div className="fb-actions">
        <Link href="/follow-up" className="fb-button">
          {t('wb.receipt.written')}
        </Link>
      </div>
    </section>
  );
}
