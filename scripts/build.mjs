// Bundles the CLI and the parse worker into dist/ as plain JavaScript (npm run build; npm ci runs it).
// From source (Node 24 strips types but cannot resolve our .js specifiers) every start goes through tsx's loader, ~1 s and ~60 MB more
// than the bundle for `choucha --help`. bin/choucha.js uses the bundle only while it is newer than every
// file under src/, so an edit is never run stale: it falls back to source until the next build.
// Dependencies stay in node_modules (native addons, lazily loaded Playwright and exceljs).
// Usage: node scripts/build.mjs [OUTDIR] (default dist; OUTDIR must sit directly in the project folder,
// as src/ does, for the shipped files to be found from it).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// Pure-JavaScript packages inlined all the same: drizzle-orm's package.json is 179 KB of exports, which
// Node's ESM resolver read again for each of its modules, ~0.2 s of CPU at every start (--cpu-prof of
// `choucha sites list`: package_json_reader), paid by every worker and every command.
const INLINED = ['drizzle-orm'];

/** Every bare import left to node_modules at run time, as packages: 'external' would, except `inlined`. */
function externalExcept(inlined) {
  return {
    name: 'external-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return inlined.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = process.argv[2] ?? 'dist';
await build({
  absWorkingDir: root,
  entryPoints: {
    choucha: 'src/cli/main.ts',
    'parse-worker': 'src/gather/crawl/parse-worker.ts',
    'attachment-worker': 'src/gather/attachments/extract-worker.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  plugins: [externalExcept(INLINED)],
  sourcemap: 'linked',
  define: { CHOUCHA_BUNDLE: 'true' },
  logLevel: 'warning',
});
