import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import type { MessageKey } from '@firebreak/ui';
import { useText } from '../lib/use-text';
import type { BrowserVerdict } from '../lib/verify-in-browser';

interface Ratio {
  category: string;
  ratio: number;
  jurisdictionId?: string;
}
interface Selection {
  unitId: string;
  category: string;
  rank: number;
  inspectorIds: readonly string[];
}

interface Commitment {
  committedAt: string;
  randomSource: string;
  unitCount: number;
  inspectorCount: number;
  unitsDigest: string;
  inspectorsDigest: string;
  serverSeedHash: string;
  commitmentDigest: string;
}

const ROWS = 50;

/** The kernel inputs of a published row, whichever of the two stored shapes it has. */
function kernelInputs(inputs: Record<string, unknown>): { algorithmVersion?: string; publicRandom?: string; serverSeed?: string; parameters?: { ratios?: Ratio[] } } {
  const nested = typeof inputs.draw === 'object' && inputs.draw !== null ? inputs.draw : inputs;
  return nested;
}

export default function DrawPage({ id }: { id: string }) {
  const { t, language, label, dateTime, errorText } = useText();
  const trpc = useTRPC();
  const draw = useQuery(trpc.public.draws.get.queryOptions({ id }, { retry: false }));
  const catalogs = useQuery(trpc.public.catalogs.queryOptions(undefined, { staleTime: Infinity }));
  const [verdict, setVerdict] = useState<BrowserVerdict | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    if (!draw.data) return;
    setBusy(true);
    setVerdict(null);
    // Let the status paint before the CPU-bound recomputation starts.
    await new Promise((r) => setTimeout(r, 30));
    const { verifyInBrowser } = await import('../lib/verify-in-browser');
    if (!draw.data.inputs || !draw.data.output) return;
    setVerdict(verifyInBrowser({ inputs: draw.data.inputs, output: draw.data.output, commitment: draw.data.commitment, drawnAt: draw.data.drawnAt }));
    setBusy(false);
  };

  if (draw.isPending)
    return (
      <p className="pt-loading" role="status">
        {t('portal.loading')}
      </p>
    );
  if (draw.isError)
    return (
      <section className="fb-card" aria-labelledby="draw-title">
        <h2 id="draw-title" className="pt-pagehead__title">
          {t('portal.draws.title')}
        </h2>
        <p className="pt-error" role="alert">
          {errorText(draw.error)}
        </p>
      </section>
    );

  const d = draw.data;
  const en = language === 'en';
  const commitment = (d.commitment ?? null) as Commitment | null;
  const inputs = kernelInputs(d.inputs ?? {});
  const raw = (d.inputs ?? {}) as Record<string, unknown>;
  const output = (d.output ?? {}) as Record<string, unknown> & { selections?: Selection[] };
  const selections = Array.isArray(output.selections) ? output.selections : [];
  const catName = (code: string) => {
    const c = catalogs.data?.venueCategories.find((x) => x.code === code);
    return c ? label(c) : code;
  };
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '—');
  const serverKey = d.verification ? (`portal.draws.server.${d.verification.status}` as MessageKey) : null;
  const commitmentCard = commitment ? (
    <section className="fb-card" aria-labelledby="draw-promise" data-testid="draw-promise">
      <h3 id="draw-promise" className="fb-card__title">
        {en ? 'Commitment published before the random value' : '抽取前公布的承诺'}
      </h3>
      <dl className="pt-facts pt-facts--wide">
        <div>
          <dt>{en ? 'Published' : '公布时间'}</dt>
          <dd>{dateTime(commitment.committedAt)}</dd>
        </div>
        <div>
          <dt>{en ? 'Random value to be used' : '将使用的随机数'}</dt>
          <dd>{commitment.randomSource}</dd>
        </div>
        <div>
          <dt>{en ? 'Lists' : '名单'}</dt>
          <dd>{en ? `${commitment.unitCount} units, ${commitment.inspectorCount} inspectors` : `单位 ${commitment.unitCount} 家，检查人员 ${commitment.inspectorCount} 名`}</dd>
        </div>
        <div>
          <dt>{t('portal.draws.unitsDigest')}</dt>
          <dd className="pt-mono pt-break">{commitment.unitsDigest}</dd>
        </div>
        <div>
          <dt>{t('portal.draws.inspectorsDigest')}</dt>
          <dd className="pt-mono pt-break">{commitment.inspectorsDigest}</dd>
        </div>
        <div>
          <dt>{en ? 'Server seed hash (the seed is revealed by the draw)' : '服务器种子摘要（抽取时揭示种子）'}</dt>
          <dd className="pt-mono pt-break">{commitment.serverSeedHash}</dd>
        </div>
        <div>
          <dt>{en ? 'Commitment digest' : '承诺摘要'}</dt>
          <dd className="pt-mono pt-break">{commitment.commitmentDigest}</dd>
        </div>
      </dl>
    </section>
  ) : null;

  if (!d.inputs || !d.output)
    return (
      <>
        <section className="fb-card" aria-labelledby="draw-title">
          <p className="pt-eyebrow">{t('portal.draws.title')}</p>
          <h2 id="draw-title" className="pt-pagehead__title">
            {d.jurisdiction.name}
          </h2>
          <p className="fb-muted" data-testid="draw-pending">
            {d.drawnAt
              ? en
                ? 'Drawn; the lists and the result are not yet public.'
                : '已抽取，名单与结果尚未公开。'
              : en
                ? 'The lists are frozen and their digests published; the draw runs once the named random value exists.'
                : '名单已冻结并公布摘要；待上述随机数产生后抽取。'}
          </p>
        </section>
        {commitmentCard}
      </>
    );

  return (
    <>
      <section className="fb-card" aria-labelledby="draw-title">
        <p className="pt-eyebrow">{t('portal.draws.title')}</p>
        <h2 id="draw-title" className="pt-pagehead__title">
          {d.jurisdiction.name}
        </h2>
        <p className="fb-muted">{t('portal.draws.publishedAt', { date: dateTime(d.publishedAt) })}</p>
        {commitment ? (
          <p className="fb-muted">
            {en
              ? `The commitment was published ${dateTime(commitment.committedAt)}, before the draw ran ${dateTime(d.drawnAt)}; the check below also confirms the result used those lists and that seed.`
              : `承诺公布于 ${dateTime(commitment.committedAt)}，早于抽取时间 ${dateTime(d.drawnAt)}；下方复核同时确认结果使用的正是承诺中的名单和种子。`}
          </p>
        ) : null}
        <div className="pt-verify">
          <button type="button" className="fb-button" onClick={() => void verify()} disabled={busy} data-testid="verify-draw">
            {t('portal.draws.verify')}
          </button>
          <div role="status" aria-live="polite" data-testid="verify-result">
            {busy ? <p className="pt-hint">{t('portal.draws.verifying')}</p> : null}
            {verdict?.status === 'verified' ? (
              <p className="pt-verdict pt-verdict--ok" data-verdict="match">
                <span aria-hidden="true">✓ </span>
                {t('portal.draws.match', { count: verdict.selections })}
              </p>
            ) : null}
            {verdict?.status === 'mismatch' ? (
              <p className="pt-verdict pt-verdict--bad" data-verdict="mismatch">
                <span aria-hidden="true">✗ </span>
                {t('portal.draws.mismatch', { detail: language === 'en' ? verdict.message : verdict.messageZh })}
              </p>
            ) : null}
            {verdict?.status === 'not_replayable' ? (
              <p className="pt-verdict pt-verdict--bad" data-verdict="not_replayable">
                {t('portal.draws.notReplayable', { missing: verdict.missing.join(', ') })}
              </p>
            ) : null}
          </div>
          {serverKey ? <p className="pt-hint">{t('portal.draws.serverCheck', { status: t(serverKey) })}</p> : null}
        </div>
      </section>

      {commitmentCard}

      <section className="fb-card" aria-labelledby="draw-inputs">
        <h3 id="draw-inputs" className="fb-card__title">
          {t('portal.draws.inputs')}
        </h3>
        <dl className="pt-facts pt-facts--wide">
          <div>
            <dt>{t('portal.draws.algorithm')}</dt>
            <dd className="pt-mono">{str(inputs.algorithmVersion)}</dd>
          </div>
          <div>
            <dt>{t('portal.draws.publicRandom')}</dt>
            <dd className="pt-mono">{str(inputs.publicRandom)}</dd>
          </div>
          {inputs.serverSeed ? (
            <div>
              <dt>{en ? 'Server seed (revealed by the draw)' : '服务器种子（抽取时揭示）'}</dt>
              <dd className="pt-mono pt-break">{inputs.serverSeed}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('portal.draws.ratios')}</dt>
            <dd>
              {(inputs.parameters?.ratios ?? []).map((r, i) => (
                <span key={i} className="pt-tag">
                  {catName(r.category)} {(r.ratio * 100).toFixed(2).replace(/\.?0+$/, '')}%
                </span>
              ))}
            </dd>
          </div>
          <div>
            <dt>{t('portal.draws.units')}</dt>
            <dd>{t('portal.draws.listSize', { count: Array.isArray(raw.units) ? raw.units.length : 0 })}</dd>
          </div>
          <div>
            <dt>{t('portal.draws.inspectors')}</dt>
            <dd>{t('portal.draws.listSize', { count: Array.isArray(raw.inspectors) ? raw.inspectors.length : 0 })}</dd>
          </div>
        </dl>
      </section>

      <section className="fb-card" aria-labelledby="draw-commit">
        <h3 id="draw-commit" className="fb-card__title">
          {t('portal.draws.commitment')}
        </h3>
        <dl className="pt-facts pt-facts--wide">
          <div>
            <dt>{t('portal.draws.unitsDigest')}</dt>
            <dd className="pt-mono pt-break">{str(output.unitsDigest)}</dd>
          </div>
          <div>
            <dt>{t('portal.draws.inspectorsDigest')}</dt>
            <dd className="pt-mono pt-break">{str(output.inspectorsDigest)}</dd>
          </div>
          <div>
            <dt>{t('portal.draws.seed')}</dt>
            <dd className="pt-mono pt-break">{str(output.seed)}</dd>
          </div>
        </dl>
      </section>

      <section className="fb-card" aria-labelledby="draw-result">
        <h3 id="draw-result" className="fb-card__title">
          {t('portal.draws.result')}
        </h3>
        <p>{t('portal.draws.selections', { count: selections.length })}</p>
        <div className="pt-tablewrap" tabIndex={0} role="region" aria-labelledby="draw-result">
          <table className="pt-table">
            <thead>
              <tr>
                <th scope="col">{t('portal.draws.rank')}</th>
                <th scope="col">{t('portal.draws.category')}</th>
                <th scope="col">{t('portal.draws.unit')}</th>
                <th scope="col">{t('portal.draws.pair')}</th>
              </tr>
            </thead>
            <tbody>
              {selections.slice(0, ROWS).map((s, i) => (
                <tr key={i}>
                  <td>{s.rank}</td>
                  <td>{catName(s.category)}</td>
                  <td className="pt-mono">{s.unitId.slice(0, 8)}</td>
                  <td className="pt-mono">{s.inspectorIds.map((x) => x.slice(0, 8)).join(' / ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {selections.length > ROWS ? <p className="pt-hint">{t('portal.draws.moreRows', { count: selections.length - ROWS })}</p> : null}
      </section>
    </>
  );
}
