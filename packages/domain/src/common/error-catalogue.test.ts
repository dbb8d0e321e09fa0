import { describe, expect, it } from 'vitest';
import { cataloguedError, ERROR_CATALOGUE, isCataloguedCode } from './error-catalogue';

describe('ERROR_CATALOGUE', () => {
  it('names every code FAMILY.REASON with a message in English and in Chinese', () => {
    for (const [code, m] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*$/);
      expect(m.en.trim().length, code).toBeGreaterThan(0);
      expect(m.zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('builds the error from the catalogue, with details only when given', () => {
    expect(cataloguedError('DRAW.NOT_COMMITTED')).toEqual({ code: 'DRAW.NOT_COMMITTED', message: 'This draw has no published commitment and cannot be run', messageZh: '该抽查没有已公布的承诺，不能抽取' });
    expect(cataloguedError('DEPARTMENT.INVALID', { issues: [] })).toMatchObject({ code: 'DEPARTMENT.INVALID', details: { issues: [] } });
  });

  it('knows its own codes and nothing inherited', () => {
    expect(isCataloguedCode('USER.ALREADY_EXISTS')).toBe(true);
    expect(isCataloguedCode('USER.NOPE')).toBe(false);
    expect(isCataloguedCode('toString')).toBe(false);
  });
});
