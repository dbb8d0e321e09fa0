import { useCallback } from 'react';
import { TRPCClientError } from '@trpc/client';
import { useI18n } from '@firebreak/ui';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

const CHINA = 'Asia/Shanghai';

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

export function domainCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  return (error.data as { domain?: { code?: string } | null } | undefined)?.domain?.code ?? null;
}

/** Formatting in the reader's language: kernel labels, China-time dates, yuan, coded server errors. */
export function useText() {
  const { language, t } = useI18n();
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  const label = useCallback((l: Label | null | undefined) => (l ? (language === 'en' ? l.en : l.zh) : ''), [language]);
  const dateTime = useCallback(
    (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(locale, { timeZone: CHINA, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso)) : '',
    [locale],
  );
  const date = useCallback(
    (iso: string | null | undefined) => (iso ? new Intl.DateTimeFormat(locale, { timeZone: CHINA, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)) : ''),
    [locale],
  );
  const yuan = useCallback(
    (fen: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: fen % 100 === 0 ? 0 : 2 }).format(fen / 100),
    [locale],
  );
  const errorText = useCallback(
    (error: unknown): string => {
      if (receiptRefusal(error)) return t('wb.receiptForm.refused');
      if (error instanceof TRPCClientError) {
        const domain = (error.data as { domain?: { message: string; messageZh: string } | null } | undefined)?.domain;
        if (domain) return language === 'en' ? domain.message : domain.messageZh;
        if (error.data === undefined || error.data === null) return t('wb.error.network');
        return t('wb.error.generic');
      }
      if (error instanceof Error && /fetch|network/i.test(error.message)) return t('wb.error.network');
      return t('wb.error.generic');
    },
    [language, t],
  );
  return { language, t, label, date, dateTime, yuan, errorText };
}
