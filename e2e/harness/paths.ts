import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverBundle = join(repoRoot, 'apps', 'api', 'dist', 'server.mjs');
export const frontEndIndexes = ['portal', 'whistleblower', 'console'].map((app) => join(repoRoot, 'apps', app, 'dist', 'index.html'));
/** Screenshots, server logs and axe reports land here (CI keeps `.reports/`). */
export const reportsDir = join(repoRoot, '.reports', 'e2e');
export const screenshotsDir = join(reportsDir, 'screenshots');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
