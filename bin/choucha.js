#!/usr/bin/env node
// Starts the CLI from the bundle (dist/, built by `npm run build`, which `npm ci` runs) when it is newer
// than every source file; otherwise from source through tsx's loader (Node 22 cannot run TypeScript
// itself, and Node 24 strips types but does not resolve the .js specifiers of our imports). An edit to src/ is therefore never run stale: it runs from source until the next build.
import { readdirSync, statSync } from 'node:fs';

// V8's young generation, capped at 16 MB a semi-space. Node 22 and 24 let it grow to 64 MB: the crawl
// then held ~180 MB more for nothing it needs, and judging ~160 MB more (npm run bench). A V8 heap flag
// only takes effect at start, so the process restarts itself with it once, in place (process.execve:
// same pid, same descriptors); a Node without execve, or a caller who set the flag, runs as it is.
const SEMI_SPACE = '--max-semi-space-size=16';
if (typeof process.execve === 'function' && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  process.execve(process.execPath, [process.execPath, SEMI_SPACE, ...process.execArgv, ...process.argv.slice(1)], process.env);
}

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
