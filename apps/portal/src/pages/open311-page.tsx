import type { MessageKey } from '@firebreak/ui';
import { useText } from '../lib/use-text';

const ENDPOINTS: readonly { method: string; path: string; what: MessageKey }[] = [
  { method: 'GET', path: 'discovery.json', what: 'portal.open311.discovery' },
  { method: 'GET', path: 'services.json', what: 'portal.open311.services' },
  { method: 'GET', path: 'services/{service_code}.json', what: 'portal.open311.services' },
  { method: 'GET', path: 'requests.json', what: 'portal.open311.requestsGet' },
  { method: 'GET', path: 'requests/{service_request_id}.json', what: 'portal.open311.requestsGet' },
  { method: 'POST', path: 'requests.json', what: 'portal.open311.requestsPost' },
];

export default function Open311Page() {
  const { t } = useText();
  const base = `${window.location.origin}/open311/v2/`;
  return (
    <>
      <section className="fb-card" aria-labelledby="o311-title">
        <h2 id="o311-title" className="pt-pagehead__title">
          {t('portal.open311.title')}
        </h2>
        <p>{t('portal.open311.lead')}</p>
        <p className="pt-label">{t('portal.open311.base')}</p>
        <p className="pt-code" data-testid="open311-base">
          {base}
        </p>
        <p className="fb-muted">{t('portal.open311.formats')}</p>
      </section>
      <section className="fb-card" aria-labelledby="o311-endpoints">
        <h3 id="o311-endpoints" className="fb-card__title">
          {t('portal.open311.endpoints')}
        </h3>
        <ul className="pt-endpoints">
          {ENDPOINTS.map((e, i) => (
            <li key={i}>
              <span className={`pt-method pt-method--${e.method.toLowerCase()}`}>{e.method}</span>
              <code className="pt-mono pt-break">{e.path}</code>
              <span className="pt-hint">{t(e.what)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="fb-card" aria-labelledby="o311-key">
        <h3 id="o311-key" className="fb-card__title">
          {t('portal.open311.key')}
        </h3>
        <p>{t('portal.open311.keyBody')}</p>
        <p className="pt-note">{t('portal.open311.receiptNote')}</p>
      </section>
    </>
  );
}
