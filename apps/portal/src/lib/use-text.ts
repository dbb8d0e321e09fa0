import { useText as useSiteText, type Label } from '@firebreak/ui';

export type { Label };

const OPTIONS = { networkKey: 'portal.error.network', genericKey: 'portal.error.generic' } as const;

/** The portal's formatting and error wording (shared with the whistleblower site, see @firebreak/ui). */
export function useText() {
  return useSiteText(OPTIONS);
}
