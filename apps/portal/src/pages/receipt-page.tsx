import { useState } from 'react';
import { Link } from 'wouter';
import { useText } from '../lib/use-text';
import { copyText, groupReceipt } from '@firebreak/ui';
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

export default function ReceiptPage() {
  const { t, dateTime } = useText();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
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
      <div className="pt-receipt__ok" aria-hidden="true">
        ✓
      </div>
      <h2 id="receipt-title" className="pt-pagehead__title">
        {t('portal.receipt.title')}
      </h2>
      <p>{t('portal.receipt.lead')}</p>
      <div className="pt-receipt__box">
        <p className="pt-receipt__label" id="receipt-label">
          {t('portal.receipt.label')}
        </p>
        <p className="pt-receipt__code" aria-labelledby="receipt-label" data-testid="receipt">
          {groups.map((g, i) => (
            <span key={i} className="pt-receipt__group">
              {g}
            </span>
          ))}
        </p>
      </div>
      <p className="fb-alert pt-receipt__warning" role="note">
        {t('portal.receipt.warning')}
      </p>
      <div className="pt-receipt__actions pt-noprint">
        <button
          type="button"
          className="fb-button"
          onClick={() => void copyText(filed.receipt).then((ok) => setCopied(ok ? 'ok' : 'failed'))}
        >
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
      <p role="status" className="pt-hint pt-noprint">
        {copied === 'ok' ? t('portal.receipt.copied') : copied === 'failed' ? t('portal.receipt.copyFailed') : ''}
      </p>
      <dl className="pt-facts">
        <div>
          <dt>{t('portal.receipt.submittedAt')}</dt>
          <dd>{dateTime(filed.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('portal.receipt.due')}</dt>
          <dd>{dateTime(filed.verificationDue)}</dd>
        </div>
      </dl>
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
