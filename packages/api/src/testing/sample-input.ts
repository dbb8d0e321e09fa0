import type { z } from 'zod';

/**
 * A small valid value for a zod schema, built by walking the schema (zod 4's
 * `_zod.def`), so a test can call every procedure with an input that passes
 * validation without a hand-written input per procedure. `uuidFor(field)`
 * picks the id a uuid field gets (the test's subject, a venue, a jurisdiction).
 * Returns undefined when no value could be found; callers then skip.
 */
export interface SampleOptions {
  readonly uuidFor: (field: string) => string;
}

const OMIT = Symbol('omit');
type Def = { type: string; [k: string]: unknown };
type AnySchema = z.ZodType & { _zod: { def: Def } };

const STRING_CANDIDATES = [
  '矩阵测试说明',
  '2026-03-10',
  '2026-03-02T02:00:00.000Z',
  'evacuation_blocked',
  'x',
  '1234567890123456',
  'a'.repeat(32),
  'https://example.org/x',
];
const NUMBER_CANDIDATES = [1, 0, 2, 10, 100, 1000, 30, 120, 0.5];

function parses(schema: AnySchema, value: unknown): boolean {
  return schema.safeParse(value).success;
}

function sampleNode(schema: AnySchema, field: string, opts: SampleOptions, withOptionals: boolean): unknown {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
      return withOptionals ? sampleNode(def.innerType as AnySchema, field, opts, withOptionals) : OMIT;
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sampleNode(def.innerType as AnySchema, field, opts, withOptionals);
    case 'pipe':
      return sampleNode(def.in as AnySchema, field, opts, withOptionals);
    case 'lazy':
      return sampleNode((def.getter as () => AnySchema)(), field, opts, withOptionals);
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const attempt = (optionals: boolean) => {
        const out: Record<string, unknown> = {};
        for (const [k, s] of Object.entries(shape)) {
          const v = sampleNode(s, k, opts, optionals);
          if (v !== OMIT) out[k] = v;
        }
        return out;
      };
      const lean = attempt(false);
      if (parses(schema, lean)) return lean;
      return attempt(true);
    }
    case 'string': {
      if (def.format === 'uuid' || def.format === 'guid') return opts.uuidFor(field);
      const candidates = /id$/i.test(field) ? [opts.uuidFor(field), ...STRING_CANDIDATES] : STRING_CANDIDATES;
      return candidates.find((c) => parses(schema, c)) ?? STRING_CANDIDATES[0];
    }
    case 'number':
    case 'int':
      return NUMBER_CANDIDATES.find((c) => parses(schema, c)) ?? 1;
    case 'bigint':
      return 1n;
    case 'boolean':
      return false;
    case 'date':
      return new Date('2026-03-02T02:00:00Z');
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array': {
      if (parses(schema, [])) return [];
      const one = sampleNode(def.element as AnySchema, field, opts, withOptionals);
      for (let n = 1; n <= 7; n++) {
        const arr = Array.from({ length: n }, () => one);
        if (parses(schema, arr)) return arr;
      }
      return [one];
    }
    case 'tuple':
      return (def.items as AnySchema[]).map((s) => sampleNode(s, field, opts, withOptionals));
    case 'union': {
      for (const option of def.options as AnySchema[]) {
        const v = sampleNode(option, field, opts, withOptionals);
        if (v !== OMIT && parses(option, v)) return v;
      }
      return sampleNode((def.options as AnySchema[])[0]!, field, opts, withOptionals);
    }
    case 'record':
      return {};
    case 'null':
      return null;
    case 'undefined':
    case 'void':
      return undefined;
    default:
      return {};
  }
}

export function sampleInput(schema: z.ZodType, opts: SampleOptions): { ok: true; value: unknown } | { ok: false } {
  const s = schema as AnySchema;
  for (const withOptionals of [false, true]) {
    const v = sampleNode(s, '', opts, withOptionals);
    const value = v === OMIT ? undefined : v;
    if (parses(s, value)) return { ok: true, value };
  }
  return { ok: false };
}
