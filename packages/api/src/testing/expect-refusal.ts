import { expect } from 'vitest';

/**
 * Asserts a call was refused with a transport code and a domain code (the
 * DomainFailure the error formatter reads), and returns the error for more checks.
 */
export async function expectRefusal(call: Promise<unknown>, trpcCode: string, domainCode: string | RegExp): Promise<unknown> {
  const error = await call.then(
    () => {
      throw new Error(`expected ${domainCode.toString()} but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: trpcCode });
  const domain = (error as { cause?: { domain?: { code?: string } } }).cause?.domain;
  expect(domain?.code).toMatch(typeof domainCode === 'string' ? new RegExp(`^${domainCode.replace(/\./g, '\\.')}$`) : domainCode);
  return error;
}

/** A zod refusal: BAD_REQUEST naming the offending field. */
export async function expectInvalidInput(call: Promise<unknown>, field: string): Promise<void> {
  const error = await call.then(
    () => {
      throw new Error('expected invalid input but the call succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  const issues = (error as { cause?: { issues?: { path: (string | number)[] }[] } }).cause?.issues ?? [];
  expect(issues.some((i) => i.path.join('.').startsWith(field))).toBe(true);
}
