import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(__dirname, '..', '..', '..', 'tooling', 'check-kernel-purity.mjs');
const run = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });

describe('kernel purity lint', () => {
  it('passes on the kernel as it is', () => {
    const r = run(join(__dirname, '..'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('fails on a hidden clock, an IO import and a stray dependency', () => {
    const dir = mkdtempSync(join(tmpdir(), 'purity-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { zod: '*', lodash: '*' } }));
    writeFileSync(join(dir, 'src', 'bad.ts'), "import { readFileSync } from 'node:fs';\nexport const t = Date.now();\n");
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('imports IO');
    expect(r.stderr).toContain('reads the clock');
    expect(r.stderr).toContain('lodash');
  });
});
