// Child process of `npm run bench`: linkinator checks a list of link targets, in its own process (as
// choucha's `links` runs in its own), so neither shares an event loop with the fixture servers.
//   tsx bench/linkinator-check.ts <job.json> <result.json>
// job.json: { pages, hosts, concurrency, timeoutMs }. `pages` are HTML files whose <a href>s are the
// targets: linkinator GETs each page from its own static server on localhost and, with recurse off,
// checks every link on it once (HEAD, then GET unless the answer was 2xx), exactly as it checks the
// links of any page. Hosts outside `hosts` (and the list pages' own) are skipped, never fetched.
//
// The pages are checked one after another, each by its own check() (as one would run linkinator site
// by site). linkinator 7.6 opens a new connection for every link and holds its descriptor until the
// server closes the idle connection: given the 37,000 targets of 300 sites in one check(), it ran out
// of file descriptors (EMFILE; 20,000 on this machine) and called every target broken without
// fetching any. A few thousand links per check() stay clear of that.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LinkChecker } from 'linkinator';

interface Job {
  pages: string[];
  hosts: string[];
  concurrency: number;
  timeoutMs: number;
}

const [jobFile, resultFile] = process.argv.slice(2);
if (!jobFile || !resultFile) throw new Error('usage: linkinator-check.ts <job.json> <result.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
const allowed = new Set(job.hosts);

const t0 = performance.now();
const found: { url: string; state: string; status?: number }[] = [];
for (const page of job.pages) {
  const result = await new LinkChecker().check({
    path: basename(page),
    serverRoot: dirname(page),
    recurse: false,
    concurrency: job.concurrency,
    timeout: job.timeoutMs,
    // The list page itself is served from localhost; anything else must be a fleet host.
    linksToSkip: async (link) => {
      const u = new URL(link);
      return u.hostname !== 'localhost' && !allowed.has(u.host);
    },
  });
  found.push(...result.links);
}
const ms = performance.now() - t0;
// linkinator reports a list page by its path in serverRoot, not as a URL: leave it out.
const links = found.filter((l) => /^https?:/.test(l.url) && new URL(l.url).hostname !== 'localhost').map((l) => ({ url: l.url, state: l.state, status: l.status ?? null }));
writeFileSync(resultFile, JSON.stringify({ ms, links }));
