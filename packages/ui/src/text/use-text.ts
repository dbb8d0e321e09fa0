import { useCallback } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

/** A bilingual label as the kernel's projections carry it. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

const CHINA = 'Asia/Shanghai';

interface ClientErrorShape {
  readonly name: string;
  readonly message: string;
  readonly data?: { readonly domain?: { readonly code?: string; readonly message: string; readonly messageZh: string } | null; readonly httpStatus?: number } | null;
}

/** A tRPC client error, read by shape (the public sites need not share one @trpc/client instance with this package). */
export function clientError(error: unknown): ClientErrorShape | null {
  return error instanceof Error && error.name === 'TRPCClientError' ? (error) : null;
}

/** The kernel code of a refused call, when the server sent one. */
export function domainCode(error: unknown): string | null {
  return clientError(error)?.data?.domain?.code ?? null;
}

export interface TextOptions {
  /** i18n keys of the site's own wording for a network failure and for anything else. */
  readonly networkKey: MessageKey;
  readonly genericKey: MessageKey;
  /** A site's own message key for some refusals (the whistleblower site answers every receipt refusal alike). Keep it a module-level function. */
  readonly special?: (error: unknown) => MessageKey | null;
}

/**
 * Formatting in the reader's language for the public sites: kernel labels, dates in China time
 * (legal deadlines are China-local), money in yuan, and the server's coded errors in the message
 * of the user's language.
 */
export function useText(options: TextOptions) {
  const { language, t } = useI18n();
  const { networkKey, genericKey, special } = options;
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
      const own = special?.(error);
      if (own) return t(own);
      const client = clientError(error);
      if (client) {
        const domain = client.data?.domain;
        if (domain) return language === 'en' ? domain.message : domain.messageZh;
        if (client.data === undefined || client.data === null) return t(networkKey);
        return t(genericKey);
      }
      if (error instanceof Error && /fetch|network/i.test(error.message)) return t(networkKey);
      return t(genericKey);
    },
    [language, t, networkKey, genericKey, special],
  );
  return { language, t, label, date, dateTime, yuan, errorText };
}
