import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('workspace configuration', () => {
  it('npm (what `npm start` runs) finds no pnpm-only settings in the project config', () => {
    // pnpm passes its own settings to child processes as npm_config_*; plain `npm start` has none.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
    const r = spawnSync('npm', ['pkg', 'get', 'name'], { cwd: ROOT, encoding: 'utf8', env });
    expect(r.stdout.trim()).toBe('"firebreak"');
    expect(r.stderr).not.toMatch(/Unknown project config/);
  });

  it('pnpm reads its peer settings from pnpm-workspace.yaml', () => {
    const yaml = readFileSync(`${ROOT}pnpm-workspace.yaml`, 'utf8');
    expect(yaml).toMatch(/^autoInstallPeers: true$/m);
    expect(yaml).toMatch(/^strictPeerDependencies: false$/m);
  });
});
