import { useCallback } from 'react';
import { TRPCClientError } from '@trpc/client';
import { useI18n } from '@firebreak/ui';

/** A bilingual label as the kernel's projections carry it. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

const CHINA = 'Asia/Shanghai';

/**
 * The portal's formatting in the reader's language: kernel labels, dates in
 * China time (the legal deadlines are China-local), money in yuan, and the
 * server's coded errors in the message of the user's language.
 */
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
      if (error instanceof TRPCClientError) {
        const domain = (error.data as { domain?: { message: string; messageZh: string } | null } | undefined)?.domain;
        if (domain) return language === 'en' ? domain.message : domain.messageZh;
        if (error.data === undefined || error.data === null) return t('portal.error.network');
        return error.message || t('portal.error.generic');
      }
      if (error instanceof Error && /fetch|network/i.test(error.message)) return t('portal.error.network');
      return t('portal.error.generic');
    },
    [language, t],
  );
  return { language, t, label, date, dateTime, yuan, errorText };
}
