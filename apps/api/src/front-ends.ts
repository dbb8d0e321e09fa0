import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The three built front ends, each served under its own prefix (its Vite `base`). */
export const FRONT_ENDS = [
  { name: 'whistleblower', prefix: '/whistleblower/' },
  { name: 'console', prefix: '/console/' },
  // Last: '/' is the catch-all, so the longer prefixes must be matched first.
  { name: 'portal', prefix: '/' },
] as const;

export type FrontEndName = (typeof FRONT_ENDS)[number]['name'];

export interface FrontEnd {
  readonly name: FrontEndName;
  readonly prefix: string;
  /** `<frontEndsDir>/<name>/dist` */
  readonly root: string;
  readonly built: boolean;
}

/** `frontEndsDir` is the `apps/` directory (or a test fixture shaped like it). */
export function locateFrontEnds(frontEndsDir: string): FrontEnd[] {
  return FRONT_ENDS.map(({ name, prefix }) => {
    const root = join(frontEndsDir, name, 'dist');
    return { name, prefix, root, built: existsSync(join(root, 'index.html')) };
  });
}

/** Paths owned by the API: never answered with a front end's index.html. */
export const API_PREFIXES = ['/trpc', '/open311', '/uploads', '/healthz'] as const;

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`));
}

/** Which front end owns a browser path (the SPA fallback target). */
export function frontEndFor<T extends { prefix: string }>(frontEnds: readonly T[], path: string): T | undefined {
  return frontEnds.find((f) => path.startsWith(f.prefix));
}

/**
 * Client-side routes have no file extension; a missing `/assets/x.js` must stay a
 * 404 rather than receive HTML the browser would try to run as a script.
 */
export function looksLikePageRoute(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

/** `*.map` (and its precompressed variants): never served, the maps hold our source. */
export function isSourceMapPath(path: string): boolean {
  return /\.map(?:\.(?:br|gz))?$/i.test(path.split('?')[0] ?? '');
}

/** The file a precompressed variant stands for: `a.js.br` → `a.js`. */
export function logicalFilePath(path: string): string {
  return path.replace(/\.(?:br|gz)$/, '');
}
