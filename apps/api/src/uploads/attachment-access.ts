import { authorize, err, ok, type Actor, type Capability, type JurisdictionScope, type Result } from '@firebreak/domain';

/**
 * Which staff capability lets one see the evidence attached to an entity. The
 * kernel names read capabilities per area but not per attachment; these are
 * the three areas that take photos today. Anything else is refused until it is
 * named here, so a new kind of attachment starts closed.
 */
export const ATTACHMENT_READ_CAPABILITY: Readonly<Record<string, Capability>> = {
  report: 'report.read',
  hazard: 'hazard.read',
  inspection: 'inspection.read',
};

export interface AttachmentSubject {
  readonly uploadedByUserId: string | null;
  /** The entity it is attached to and that entity's jurisdiction; null while unattached. */
  readonly attachedTo: { readonly entity: string; readonly jurisdictionId: string } | null;
}

/**
 * Who may see an upload's display copy: whoever uploaded it (signed in), and
 * staff who may read the entity it is attached to, within their jurisdiction
 * subtree. Anonymous uploaders keep their own photo in the browser; nobody
 * else has a claim on an unattached upload.
 */
export function mayViewAttachment(actor: Actor | null, subject: AttachmentSubject, scope: JurisdictionScope): Result<true> {
  if (!actor) return err('AUTH.UNAUTHENTICATED', 'Please sign in', '请先登录');
  if (subject.uploadedByUserId !== null && subject.uploadedByUserId === actor.userId) return ok(true);
  if (!subject.attachedTo) return err('ACCESS.FORBIDDEN', 'This upload is not attached to anything you may read', '该附件尚未关联到您有权查看的事项');
  const capability = ATTACHMENT_READ_CAPABILITY[subject.attachedTo.entity];
  if (!capability) return err('ACCESS.FORBIDDEN', 'Attachments of this kind cannot be viewed here', '此类附件无法在此查看');
  const verdict = authorize(actor, capability, { jurisdictionId: subject.attachedTo.jurisdictionId }, scope);
  return verdict.ok ? ok(true) : verdict;
}
