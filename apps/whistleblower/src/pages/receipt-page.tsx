import { Link } from 'wouter';
import { ReceiptShown } from '@firebreak/ui/public-forms';
import { useText } from '../lib/use-text';
import { filedReceipt } from '../lib/receipt-store';

const KEYS = {
  title: 'wb.receipt.title',
  lead: 'wb.receipt.lead',
  label: 'wb.receipt.label',
  warning: 'wb.receipt.warning',
  copied: 'wb.receipt.copied',
  copyFailed: 'wb.receipt.copyFailed',
  submittedAt: 'wb.receipt.submittedAt',
  due: 'wb.receipt.due',
} as const;
const CLASSES = {
  ok: 'wb-receipt__ok',
  title: 'wb-pagetitle',
  box: 'wb-receipt__box',
  label: 'wb-receipt__label',
  code: 'wb-receipt__code',
  group: 'wb-receipt__group',
  warning: 'wb-warning',
  status: 'wb-hint',
  facts: 'wb-facts',
};

/** Journey 3: the receipt, once, with the warning that losing it loses access. */
export default function ReceiptPage() {
  const { t, dateTime } = useText();
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
      <ReceiptShown
        receipt={filed.receipt}
        submittedAt={filed.submittedAt}
        verificationDue={filed.verificationDue}
        dateTime={dateTime}
        keys={KEYS}
        classes={CLASSES}
        actions={(copy) => (
          <div className="wb-row">
            <button type="button" className="fb-button fb-button--secondary" onClick={copy}>
              {t('wb.receipt.copy')}
            </button>
          </div>
        )}
      />
      <p className="wb-hint">{t('wb.receipt.gone')}</p>
      <div className="fb-actions">
        <Link href="/follow-up" className="fb-button">
          {t('wb.receipt.written')}
        </Link>
      </div>
    </section>
  );
}
