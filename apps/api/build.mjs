// Bundles the server (src/server.ts) into dist/server.mjs.
//
// The workspace packages (@firebreak/*) export TypeScript source, so they are
// bundled. Every other bare import stays external and is loaded by Node from
// node_modules at run time: native packages (sharp, @node-rs/argon2) and
// packages that find their own files next to them (@electric-sql/pglite loads
// its .wasm and .data through import.meta.url) only work that way.
//
// pnpm gives each package only its own dependencies, so an external imported
// by, say, packages/db is often not resolvable from apps/api. Such imports are
// rewritten to a path relative to dist/ that points at the exact file the
// importing package would have loaded.
import { builtinModules } from 'node:module';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const distDir = join(here, 'dist');
const outfile = join(distDir, 'server.mjs');
const repoRoot = resolve(here, '..', '..');
const builtins = new Set(builtinModules);

const toPosix = (p) => p.split(sep).join('/');
const relativeFromDist = (file) => {
  const rel = toPosix(relative(distDir, file));
  return rel.startsWith('.') ? rel : `./${rel}`;
};
const isWorkspaceSource = (file) =>
  !file.includes(`${sep}node_modules${sep}`) && file.startsWith(repoRoot + sep) && /\.(m|c)?tsx?$/.test(file);

/** @type {import('esbuild').Plugin} */
const externals = {
  name: 'firebreak-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'firebreak-externals') return undefined;
      const bare = args.path;
      const name = bare.startsWith('node:') ? bare : bare.split('/')[0];
      if (bare.startsWith('node:') || builtins.has(name)) return { path: bare, external: true };
      if (bare.startsWith('@firebreak/')) return undefined; // bundled from source

      const fromImporter = await b.resolve(bare, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'firebreak-externals',
      });
      if (fromImporter.errors.length > 0) return { errors: fromImporter.errors };
      // Keep the bare specifier when Node, starting from dist/, would find the same file.
      const fromDist = await b.resolve(bare, { kind: args.kind, resolveDir: distDir, pluginData: 'firebreak-externals' });
      if (fromDist.errors.length === 0 && fromDist.path === fromImporter.path) return { path: bare, external: true };
      return { path: relativeFromDist(fromImporter.path), external: true };
    });
  },
};

/**
 * Workspace code that locates files next to itself (migrations, seed data) uses
 * import.meta.url; inside the bundle that would be dist/server.mjs. Each module
 * keeps its own location, expressed relative to the bundle so the tree can move.
 * @type {import('esbuild').Plugin}
 */
const moduleLocation = {
  name: 'firebreak-module-location',
  setup(b) {
    b.onLoad({ filter: /\.(m|c)?tsx?$/ }, async (args) => {
      if (!isWorkspaceSource(args.path)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!/import\.meta\.(url|dirname|filename)/.test(source)) return undefined;
      const rel = JSON.stringify(relativeFromDist(args.path));
      const url = `new URL(${rel}, import.meta.url).href`;
      const contents = source
        .replace(/import\.meta\.url/g, url)
        .replace(/import\.meta\.dirname/g, `__firebreakDirname(${url})`)
        .replace(/import\.meta\.filename/g, `__firebreakFilename(${url})`);
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts', resolveDir: dirname(args.path) };
    });
  },
};

await rm(distDir, { recursive: true, force: true });
// Must exist: externals are resolved from here to decide whether a bare import still works.
await mkdir(distDir, { recursive: true });

await build({
  entryPoints: [join(here, 'src', 'server.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'info',
  tsconfig: join(here, 'tsconfig.json'),
  plugins: [externals, moduleLocation],
  // ESM has no require/__dirname; bundled code (and CJS interop) may still ask for them.
  banner: {
    js: [
      "import { createRequire as __firebreakCreateRequire } from 'node:module';",
      "import { fileURLToPath as __firebreakFileURLToPath } from 'node:url';",
      "import { dirname as __firebreakPathDirname } from 'node:path';",
      'const require = __firebreakCreateRequire(import.meta.url);',
      'const __firebreakFilename = (u) => __firebreakFileURLToPath(u);',
      'const __firebreakDirname = (u) => __firebreakPathDirname(__firebreakFileURLToPath(u));',
    ].join('\n'),
  },
});
