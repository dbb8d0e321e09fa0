import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrontEndName } from '../src/front-ends';

export interface FrontEndFixture {
  readonly dir: string;
  cleanup(): Promise<void>;
}

/** An `apps/`-shaped temp dir whose front ends have a marked index.html and one hashed asset. */
export async function createFrontEndFixture(names: readonly FrontEndName[] = ['portal', 'whistleblower', 'console']): Promise<FrontEndFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'firebreak-fe-'));
  for (const name of names) {
    const dist = join(dir, name, 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), `<!doctype html><html><head><title>${name}</title></head><body data-app="${name}"></body></html>`);
    await writeFile(join(dist, 'assets', `${name}-abc123.js`), `console.log(${JSON.stringify(name)});`);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
