import { TRPCClientError } from '@trpc/client';
import { domainCode, useText as useSiteText, type Label, type MessageKey } from '@firebreak/ui';

export { domainCode, type Label };

/** Codes a receipt lookup can fail with; all get one message, so a throttled guess looks like a wrong one. */
const RECEIPT_CODES = new Set(['RECEIPT.NOT_FOUND', 'RECEIPT.TOO_MANY_ATTEMPTS']);

/** True when a lookup was refused for its receipt or for its rate (a tRPC code or a bare HTTP 429). */
function receiptRefusal(error: unknown): boolean {
  const code = domainCode(error);
  if (code && RECEIPT_CODES.has(code)) return true;
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus ?? (error.meta as { response?: { status?: number } } | undefined)?.response?.status;
  return status === 429;
}


function refusal(error: unknown): MessageKey | null {
  return receiptRefusal(error) ? 'wb.receiptForm.refused' : null;
}

const OPTIONS = { networkKey: 'wb.error.network', genericKey: 'wb.error.generic', special: refusal } as const;

/** Formatting in the reader's language (shared with the portal, see @firebreak/ui); every receipt refusal reads alike. */
export function useText() {
  return useSiteText(OPTIONS);
}
