// Bundles the CLI and the parse worker into dist/ as plain JavaScript (npm run build; npm ci runs it).
// From source (Node 24 strips types but cannot resolve our .js specifiers) every start goes through tsx's loader, ~1 s and ~60 MB more
// than the bundle for `choucha --help`. bin/choucha.js uses the bundle only while it is newer than every
// file under src/, so an edit is never run stale: it falls back to source until the next build.
// Dependencies stay in node_modules (native addons, lazily loaded Playwright and exceljs).
// Usage: node scripts/build.mjs [OUTDIR] (default dist; OUTDIR must sit directly in the project folder,
// as src/ does, for the shipped files to be found from it).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

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
  packages: 'external',
  sourcemap: 'linked',
  define: { CHOUCHA_BUNDLE: 'true' },
  logLevel: 'warning',
});
