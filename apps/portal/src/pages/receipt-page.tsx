import { Link } from 'wouter';
import { useText } from '../lib/use-text';
import { groupReceipt } from '@firebreak/ui';
import { ReceiptShown } from '@firebreak/ui/public-forms';
import { filedReceipt } from '../lib/receipt-store';

/** Draws the receipt onto a canvas and offers it as a PNG download: nothing leaves the device. */
function saveAsImage(groups: string[], lines: { title: string; label: string; when: string; warning: string }) {
  const scale = 2;
  const w = 720;
  const h = 420;
  const canvas = document.createElement('canvas');
  canvas.width = w * scale;
  canvas.height = h * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(scale, scale);
  const font = getComputedStyle(document.body).fontFamily;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#c8161d';
  ctx.fillRect(0, 0, w, 72);
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 26px ${font}`;
  ctx.fillText(lines.title, 32, 46);
  ctx.fillStyle = '#5b6270';
  ctx.font = `18px ${font}`;
  ctx.fillText(lines.label, 32, 124);
  ctx.fillStyle = '#1f2329';
  ctx.font = `700 52px ui-monospace, Menlo, Consolas, monospace`;
  ctx.fillText(groups.join('  '), 32, 200);
  ctx.fillStyle = '#5b6270';
  ctx.font = `18px ${font}`;
  ctx.fillText(lines.when, 32, 250);
  ctx.fillStyle = '#9e1015';
  ctx.font = `600 17px ${font}`;
  // Wrap the warning to the card's width.
  let line = '';
  let y = 310;
  for (const ch of lines.warning) {
    if (ctx.measureText(line + ch).width > w - 64) {
      ctx.fillText(line, 32, y);
      line = '';
      y += 28;
    }
    line += ch;
  }
  if (line) ctx.fillText(line, 32, y);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'firebreak-receipt.png';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, 'image/png');
}

const KEYS = {
  title: 'portal.receipt.title',
  lead: 'portal.receipt.lead',
  label: 'portal.receipt.label',
  warning: 'portal.receipt.warning',
  copied: 'portal.receipt.copied',
  copyFailed: 'portal.receipt.copyFailed',
  submittedAt: 'portal.receipt.submittedAt',
  due: 'portal.receipt.due',
} as const;
const CLASSES = {
  ok: 'pt-receipt__ok',
  title: 'pt-pagehead__title',
  box: 'pt-receipt__box',
  label: 'pt-receipt__label',
  code: 'pt-receipt__code',
  group: 'pt-receipt__group',
  warning: 'fb-alert pt-receipt__warning',
  status: 'pt-hint pt-noprint',
  facts: 'pt-facts',
};

export default function ReceiptPage() {
  const { t, dateTime } = useText();
  const filed = filedReceipt();

  if (!filed) {
    return (
      <section className="fb-card" aria-labelledby="receipt-title">
        <h2 id="receipt-title" className="fb-card__title">
          {t('portal.receipt.label')}
        </h2>
        <p>{t('portal.receipt.gone')}</p>
        <div className="fb-actions">
          <Link href="/track" className="fb-button">
            {t('portal.action.track')}
          </Link>
          <Link href="/report" className="fb-button fb-button--secondary">
            {t('portal.action.report')}
          </Link>
        </div>
      </section>
    );
  }

  const groups = groupReceipt(filed.receipt);
  return (
    <section className="fb-card pt-receipt" aria-labelledby="receipt-title">
      <ReceiptShown
        receipt={filed.receipt}
        submittedAt={filed.submittedAt}
        verificationDue={filed.verificationDue}
        dateTime={dateTime}
        keys={KEYS}
        classes={CLASSES}
        actions={(copy) => (
          <div className="pt-receipt__actions pt-noprint">
            <button type="button" className="fb-button" onClick={copy}>
              {t('portal.receipt.copy')}
            </button>
            <button
              type="button"
              className="fb-button fb-button--secondary"
              onClick={() =>
                saveAsImage(groups, {
                  title: t('portal.receipt.imageTitle'),
                  label: t('portal.receipt.label'),
                  when: `${t('portal.receipt.submittedAt')} ${dateTime(filed.submittedAt)}`,
                  warning: t('portal.receipt.warning'),
                })
              }
            >
              {t('portal.receipt.saveImage')}
            </button>
            <button type="button" className="fb-button fb-button--secondary" onClick={() => window.print()}>
              {t('portal.receipt.print')}
            </button>
          </div>
        )}
      />
      {filed.urgent ? <p className="pt-tag pt-tag--urgent">{t('portal.receipt.urgent')}</p> : null}
      <p className="fb-muted">{t('portal.receipt.gone')}</p>
      <div className="fb-actions pt-noprint">
        <Link href="/track" className="fb-button fb-button--secondary">
          {t('portal.receipt.track')}
        </Link>
      </div>
    </section>
  );
}
