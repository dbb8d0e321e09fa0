import { useCallback } from 'react';
import { TRPCClientError } from '@trpc/client';
import { ROLE_NAMES, type Role } from '@firebreak/domain';
import { useI18n } from '@firebreak/ui';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

const CHINA = 'Asia/Shanghai';

/** The server's coded error, read from a tRPC error (code + both languages). */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) {
    const data = error.data as { domain?: { code?: string } | null; code?: string } | undefined;
    return data?.domain?.code ?? data?.code;
  }
  return undefined;
}

export function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = error.data as { code?: string; httpStatus?: number } | undefined;
  return data?.code === 'UNAUTHORIZED' || data?.httpStatus === 401;
}

export function isStale(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return code.endsWith('STALE');
}

/** Console wording in the reader's language, kernel labels, and China-time dates. */
export function useText() {
  const { language } = useI18n();
  const en = language === 'en';
  const locale = en ? 'en-GB' : 'zh-CN';
  const tx = useCallback((zh: string, english: string) => (en ? english : zh), [en]);
  const label = useCallback((l: Label | null | undefined) => (l ? (en ? l.en : l.zh) : ''), [en]);
  const role = useCallback((r: string | null | undefined) => (r ? label(ROLE_NAMES[r as Role]) || r : ''), [label]);
  const dateTime = useCallback(
    (iso: string | null | undefined) =>
      iso
        ? new Intl.DateTimeFormat(locale, { timeZone: CHINA, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso))
        : '—',
    [locale],
  );
  const errorText = useCallback(
    (error: unknown) => {
      if (error instanceof TRPCClientError) {
        const domain = (error.data as { domain?: { message: string; messageZh: string } | null } | undefined)?.domain;
        if (domain) return en ? domain.message : domain.messageZh;
        return error.message;
      }
      return error instanceof Error ? error.message : String(error);
    },
    [en],
  );
  return { tx, label, role, dateTime, errorText, language, en };
}
