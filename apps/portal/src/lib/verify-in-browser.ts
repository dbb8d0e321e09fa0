import { verifyPublishedDraw, type DrawVerificationOutcome } from '@firebreak/domain/sampling/verify-published-draw';

/**
 * The public's own check of a published draw: the kernel's verifyPublishedDraw (the very code the
 * server runs for public.draws.get), run in this browser on the published inputs, lists and
 * output. Loaded only when someone presses the button.
 */
export type BrowserVerdict =
  | { readonly status: 'verified'; readonly seed: string; readonly selections: number }
  | { readonly status: 'mismatch'; readonly message: string; readonly messageZh: string }
  | { readonly status: 'not_replayable'; readonly missing: readonly string[] };

export function verifyInBrowser(published: Parameters<typeof verifyPublishedDraw>[0]): BrowserVerdict {
  const verdict: DrawVerificationOutcome = verifyPublishedDraw(published);
  return verdict.status === 'mismatch' ? { status: 'mismatch', message: verdict.error.message, messageZh: verdict.error.messageZh } : verdict;
}
