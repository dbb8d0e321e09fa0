import type { DomainError } from '../common/errors';

/**
 * Text PostgreSQL cannot store: a NUL (text and jsonb refuse U+0000) or a lone
 * UTF-16 surrogate (jsonb refuses `\ud800`; text would silently get U+FFFD).
 * Both only come from a crafted request, so they are refused, not cleaned.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

export const INPUT_ERRORS = {
  unstorableText: {
    code: 'INPUT.UNSTORABLE_TEXT',
    message: 'The text contains characters that cannot be saved (a NUL or an unpaired surrogate); remove them and try again',
    messageZh: '内容含有无法保存的字符（空字符或不成对的代理字符），请删除后重试',
  },
  tooDeep: {
    code: 'INPUT.TOO_DEEP',
    message: 'The request is nested too deeply',
    messageZh: '请求数据嵌套层级过深',
  },
  dateOutOfRange: {
    code: 'INPUT.DATE_OUT_OF_RANGE',
    message: 'The date is outside the range this system accepts (years 1900 to 9999)',
    messageZh: '日期超出可接受范围（1900 年至 9999 年）',
  },
} as const satisfies Record<string, DomainError>;

/** No input of any procedure or endpoint nests deeper; anything deeper is an attack on the parser. */
export const MAX_INPUT_DEPTH = 32;

/**
 * The first place in a parsed request body (strings and object keys, any depth)
 * that cannot be stored, or null. Iterative, so a hostile nesting depth cannot
 * overflow the stack: past MAX_INPUT_DEPTH it answers tooDeep.
 */
export function findUnstorableInput(value: unknown): { error: DomainError; path: string } | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return { error: withPath(INPUT_ERRORS.unstorableText, path), path };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return { error: withPath(INPUT_ERRORS.tooDeep, path), path };
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: join(path, String(i)), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      const at = join(path, key);
      if (!isStorableText(key)) return { error: withPath(INPUT_ERRORS.unstorableText, path), path };
      stack.push({ v: item, path: at, depth: depth + 1 });
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function withPath(error: DomainError, path: string): DomainError {
  return { ...error, details: { path: isStorableText(path) ? path : '' } };
}

/** Earliest and latest instants any date input may name; PostgreSQL and `Date` agree on all of them. */
export const MIN_INPUT_INSTANT = Date.UTC(1900, 0, 1);
export const MAX_INPUT_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function isInputInstantInRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_INPUT_INSTANT && ms <= MAX_INPUT_INSTANT;
}

