// `choucha functions`: the 功能设计 measurements that need a browser or the network, once per check and
// site: the homepage at a phone's width (Chromium) and the site search tried with a title the crawl saw.
// Run after the crawl (the search reads its stored homepage and lists); `run` takes it before judging.
import { type Command, Option } from 'commander';
import { checkMobile } from '../gather/browser/mobile-render.js';
import { checkSearch } from '../gather/search/site-search.js';
import { RENDER_MODES, type RenderMode } from '../model/site.js';
import type { Check } from '../store/checks.js';
import { closeDb, type Db } from '../store/db.js';
import { type GlobalOptions, guard, open } from './common.js';
import { Progress } from './progress.js';
import { type CheckFlags, theCheck, withCheckFlags, withJsonLogs } from './stages.js';

/** `render`: `never` leaves the phone-width render and script-built search results unmeasured, with why. */
export async function doFunctions(db: Db, check: Check, g: GlobalOptions, render: RenderMode): Promise<void> {
  const bar = new Progress(g, 'functions', null, 'sites');
  const mobile = await checkMobile(db, check, {
    guard: guard(g),
    timeoutMs: 30_000,
    concurrency: 2,
    render: render !== 'never',
    onSite: (id, a) => bar.tick(`${id} mobile ${a.scrollWidth === null ? (a.error ?? 'not rendered') : `${a.scrollWidth}px`}`),
  });
  const search = await checkSearch(db, check, {
    guard: guard(g),
    timeoutMs: 15_000,
    concurrency: 8,
    render: render !== 'never',
    onSite: (id, a) =>
      bar.tick(`${id} search ${a.skipped ?? (a.found === null ? (a.error ?? a.status ?? 'unread') : a.found ? 'found' : 'not found')}`),
  });
  const parts = [
    `mobile: ${mobile.measured} measured, ${mobile.skipped} already done`,
    `search: ${search.tried} tried, ${search.skipped} already done or without a stored homepage`,
  ];
  if (mobile.notRendered) parts.push(`not rendered: ${mobile.notRendered}`);
  bar.finish(`functions: ${parts.join('; ')}`, { mobile, search });
}

export function registerFunctions(program: Command): void {
  withJsonLogs(
    withCheckFlags(
      program
        .command('functions')
        .description(
          '功能设计 checks that need a browser or the network: the homepage at a phone width, and the site search (after crawl)',
        ),
    ),
  )
    .addOption(
      new Option('--render <mode>', 'never: no browser (the phone-width render and script-built search results are left unchecked)')
        .choices(RENDER_MODES)
        .default('auto'),
    )
    .action(async (o: CheckFlags & { render: RenderMode }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = open(g);
      try {
        await doFunctions(db, theCheck(db, o), g, o.render);
      } finally {
        closeDb(db);
      }
    });
}
