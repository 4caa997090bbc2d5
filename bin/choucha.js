#!/usr/bin/env node
// Starts the CLI from the bundle (dist/, built by `npm run build`, which `npm ci` runs) when it is newer
// than every source file; otherwise from source through tsx's loader (Node 20 cannot run TypeScript
// itself). An edit to src/ is therefore never run stale: it runs from source until the next build.
import { readdirSync, statSync } from 'node:fs';

const bundle = new URL('../dist/choucha.mjs', import.meta.url);
const worker = new URL('../dist/parse-worker.mjs', import.meta.url);

function newestUnder(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = Math.min(statSync(bundle).mtimeMs, statSync(worker).mtimeMs);
    return built >= newestUnder(new URL('../src/', import.meta.url));
  } catch {
    return false; // no bundle
  }
}

process.env.CHOUCHA_CLI = '1';
if (process.env.CHOUCHA_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
