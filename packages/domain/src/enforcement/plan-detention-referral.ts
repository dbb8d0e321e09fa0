import { err, ok, type Result } from '../common/errors';
import { DETENTION_PROVISIONS, type DetentionProvision } from './detention-provisions';

/** What the fire agency produces for a detention matter: a referral, never a decision. */
export interface DetentionReferral {
  readonly action: 'detention_referral';
  readonly article: number;
  readonly recipient: 'police_station';
  readonly decidedBy: 'police_station';
  readonly detentionDays: DetentionProvision['detentionDays'];
  readonly basis: string;
}

export function findDetentionProvision(
  article: number,
  provisions: readonly DetentionProvision[] = DETENTION_PROVISIONS,
): DetentionProvision | undefined {
  return provisions.find((p) => p.article === article);
}

/** Code: ENFORCEMENT.NOT_A_DETENTION_MATTER when the article carries no detention. */
export function planDetentionReferral(
  basis: { readonly article: number },
  provisions: readonly DetentionProvision[] = DETENTION_PROVISIONS,
): Result<DetentionReferral> {
  const p = findDetentionProvision(basis.article, provisions);
  if (!p) {
    return err(
      'ENFORCEMENT.NOT_A_DETENTION_MATTER',
      `消防法 Art. ${basis.article} provides no detention; nothing to refer to the police`,
      `消防法第${basis.article}条未规定行政拘留，不能移送公安机关拘留`,
      { article: basis.article, detentionArticles: provisions.map((d) => d.article) },
    );
  }
  return ok(toReferral(p));
}

export function toReferral(p: DetentionProvision): DetentionReferral {
  return {
    action: 'detention_referral',
    article: p.article,
    recipient: 'police_station',
    decidedBy: 'police_station',
    detentionDays: p.detentionDays,
    basis: p.basis,
  };
}
