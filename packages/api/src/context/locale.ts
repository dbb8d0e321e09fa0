/** The languages errors and messages are given in: Chinese first, English second. */
export type Locale = 'zh-CN' | 'en';

/** Request headers as any HTTP server hands them over. */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** `Accept-Language` decides the language of error messages; Chinese unless English is preferred. */
export function localeFrom(headers: RequestHeaders): Locale {
  const raw = headers['accept-language'];
  const value = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
