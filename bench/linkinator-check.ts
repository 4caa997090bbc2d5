// Child process of `npm run bench`: linkinator checks a list of link targets, in its own process (as
// choucha's `links` runs in its own), so neither shares an event loop with the fixture servers.
//   tsx bench/linkinator-check.ts <job.json> <result.json>
// job.json: { page, hosts, concurrency, timeoutMs }. `page` is an HTML file whose <a href>s are the
// targets: linkinator GETs that one page from its own static server on localhost and, with recurse
// off, checks every link on it once (HEAD, then GET unless the answer was 2xx), exactly as it checks
// the links of any page. Hosts outside `hosts` (and the list page's own) are skipped, never fetched.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LinkChecker } from 'linkinator';

interface Job {
  page: string;
  hosts: string[];
  concurrency: number;
  timeoutMs: number;
}

const [jobFile, resultFile] = process.argv.slice(2);
if (!jobFile || !resultFile) throw new Error('usage: linkinator-check.ts <job.json> <result.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
const allowed = new Set(job.hosts);

const t0 = performance.now();
const result = await new LinkChecker().check({
  path: basename(job.page),
  serverRoot: dirname(job.page),
  recurse: false,
  concurrency: job.concurrency,
  timeout: job.timeoutMs,
  // The list page itself is served from localhost; anything else must be a fleet host.
  linksToSkip: async (link) => {
    const u = new URL(link);
    return u.hostname !== 'localhost' && !allowed.has(u.host);
  },
});
const ms = performance.now() - t0;
// linkinator reports the list page by its path in serverRoot, not as a URL: leave it out.
const links = result.links.filter((l) => /^https?:/.test(l.url) && new URL(l.url).hostname !== 'localhost').map((l) => ({ url: l.url, state: l.state, status: l.status ?? null }));
writeFileSync(resultFile, JSON.stringify({ ms, links }));
