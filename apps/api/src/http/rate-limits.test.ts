import { appRouter } from '@firebreak/api';
import { describe, expect, it } from 'vitest';
import { classifyProcedure, RECEIPT_PROCEDURES, SUBMIT_PROCEDURES, trpcProcedureCall } from './rate-limits';

type ProcedureDef = { _def: { inputs: unknown[]; type: string } };
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** Does any input parser of the procedure have a top-level `receipt` field? */
function takesReceipt(p: ProcedureDef): boolean {
  return p._def.inputs.some((schema) => {
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    return shape !== undefined && 'receipt' in shape;
  });
}

describe('trpcProcedureCall', () => {
  it.each([
    ['health', '/trpc/health', ['health'], false],
    ['public.reports.track', '/trpc/public.reports.track?batch=1&input=%7B%7D', ['public.reports.track'], true],
    ['public.catalogs,public.reports.track', '/trpc/public.catalogs,public.reports.track?batch=1', ['public.catalogs', 'public.reports.track'], true],
    ['public.catalogs%2Cpublic.reports.track', '/trpc/public.catalogs%2Cpublic.reports.track?batch=1', ['public.catalogs', 'public.reports.track'], true],
    // Not a batch for tRPC: the whole path is one (unknown) procedure name.
    ['public.catalogs,public.reports.track', '/trpc/public.catalogs,public.reports.track', ['public.catalogs,public.reports.track'], false],
    // After a `#` the query is fragment: tRPC does not batch.
    ['public.reports.submit', '/trpc/public.reports.submit#x?batch=1', ['public.reports.submit'], false],
    // tRPC decodes the router's parameter once more.
    ['public%2Ereports.submit', '/trpc/public%252Ereports.submit', ['public.reports.submit'], false],
  ])('%s (%s) → %o', (param, url, names, batch) => {
    expect(trpcProcedureCall(param, url)).toEqual({ names, batch });
  });

  it('runs nothing for a path tRPC cannot decode', () => {
    expect(trpcProcedureCall('%E0%A4%A', '/trpc/%25E0%25A4%25A')).toBeNull();
  });
});

describe('limit classes', () => {
  it('name only procedures that exist', () => {
    for (const name of [...RECEIPT_PROCEDURES, ...SUBMIT_PROCEDURES]) expect(procedures[name], name).toBeDefined();
  });

  it('give every procedure that takes a receipt the receipt limit', () => {
    const receiptTakers = Object.keys(procedures).filter((name) => takesReceipt(procedures[name]!));
    expect(receiptTakers.length).toBeGreaterThanOrEqual(RECEIPT_PROCEDURES.length);
    for (const name of receiptTakers) expect(classifyProcedure(name), name).toBe('receiptLookup');
  });

  it('sort the rest by namespace', () => {
    expect(classifyProcedure('public.reports.submit')).toBe('reportSubmit');
    expect(classifyProcedure('whistleblower.submit')).toBe('reportSubmit');
    expect(classifyProcedure('public.catalogs')).toBe('publicTrpc');
    expect(classifyProcedure('public.anything.new')).toBe('publicTrpc');
    expect(classifyProcedure('hazards.list')).toBeNull();
    expect(classifyProcedure('health')).toBeNull();
  });
});
