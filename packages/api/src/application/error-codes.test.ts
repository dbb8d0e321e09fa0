import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '@firebreak/domain';

// Every error code this package can raise is defined in the kernel: returned by a kernel
// function (a literal in packages/domain/src) or listed in its ERROR_CATALOGUE. The scan reads
// the TypeScript syntax tree, so codes in comments do not count and `notFound('VENUE', …)` counts
// as VENUE.NOT_FOUND.
const here = dirname(fileURLToPath(import.meta.url));
const API_SRC = join(here, '..');
const DOMAIN_SRC = join(here, '../../../domain/src');
const CODE = /^[A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*$/;
const NOT_FOUND_HELPERS = new Set(['notFound', 'requireAll']);

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) yield p;
  }
}

/** Code strings in the source files under `root`, each with the files that hold it. */
function codesIn(root: string, skip: (file: string) => boolean = () => false): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (code: string, file: string) => out.set(code, (out.get(code) ?? new Set()).add(relative(root, file)));
  for (const file of sources(root)) {
    if (skip(file)) continue;
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && CODE.test(n.text)) add(n.text, file);
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && NOT_FOUND_HELPERS.has(n.expression.text)) {
        const kind = n.arguments[0];
        if (kind && ts.isStringLiteral(kind)) add(`${kind.text}.NOT_FOUND`, file);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

describe('error codes', () => {
  const kernelReturned = codesIn(DOMAIN_SRC, (f) => f.endsWith('error-catalogue.ts'));
  const catalogued = new Set(Object.keys(ERROR_CATALOGUE));

  it('every code raised in packages/api is defined in the kernel', () => {
    const used = codesIn(API_SRC);
    expect(used.size).toBeGreaterThan(40); // the scan finds the codes it is meant to
    const undefinedCodes = [...used].filter(([code]) => !kernelReturned.has(code) && !catalogued.has(code)).map(([code, files]) => `${code} (${[...files].join(', ')})`);
    expect(undefinedCodes).toEqual([]);
  });

  it('the catalogue does not redefine a code a kernel function returns', () => {
    expect([...catalogued].filter((c) => kernelReturned.has(c))).toEqual([]);
  });
});
