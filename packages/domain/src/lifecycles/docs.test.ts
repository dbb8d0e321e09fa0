import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docFileName, DOCS_DIR, renderIndex, renderLifecycleDoc } from '../../scripts/write-lifecycle-docs';
import { LIFECYCLES } from './index';
import { toMermaid } from './machine';

// Committed docs must match the current tables; on failure run `pnpm docs:domain` and commit the result.
const read = (name: string): string => readFileSync(join(DOCS_DIR, name), 'utf8');

describe('docs/domain', () => {
  for (const lc of LIFECYCLES) {
    const file = docFileName(lc);
    it(`${file} carries exactly the Mermaid diagram of the ${lc.name} table`, () => {
      expect(existsSync(join(DOCS_DIR, file)), `${file} is missing`).toBe(true);
      const text = read(file);
      const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
      expect(blocks).toEqual([toMermaid(lc)]);
      expect(text).toBe(renderLifecycleDoc(lc));
    });
  }

  it('README.md indexes every lifecycle', () => {
    expect(read('README.md')).toBe(renderIndex(LIFECYCLES));
  });

  it('holds no page for a lifecycle that no longer exists', () => {
    const expected = new Set(['README.md', ...LIFECYCLES.map(docFileName)]);
    expect(readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md') && !expected.has(f))).toEqual([]);
  });
});
