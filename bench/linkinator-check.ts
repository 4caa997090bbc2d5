// Child process of `npm run bench`: linkinator checks a list of link targets, in its own process (as
// choucha's `links` runs in its own), so neither shares an event loop with the fixture servers.
//   tsx bench/linkinator-check.ts <job.json> <result.json>
// job.json: { targets, hosts, concurrency, timeoutMs }. The targets go on list pages of `concurrency`
// links each, served from this process: linkinator GETs a list page and, with recurse off, checks every
// link on it once (HEAD, then GET unless the answer was 2xx), exactly as it checks the links of any page.
// Hosts outside `hosts` are skipped, never fetched.
//
// One list page per check(), one check() at a time: linkinator 7.6 starts the check of every link on a
// page at once (its `concurrency` only limits how many of those it waits on), so a page's size is its
// real concurrency. Given all 37,000 targets of 300 sites on one page, it opened a connection for each,
// ran out of file descriptors (EMFILE) and called every target broken without fetching any. Pages of
// `concurrency` links keep it to as many in flight as choucha has.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { LinkChecker } from 'linkinator';

interface Job {
  targets: string[];
  hosts: string[];
  concurrency: number;
  timeoutMs: number;
}

const [jobFile, resultFile] = process.argv.slice(2);
if (!jobFile || !resultFile) throw new Error('usage: linkinator-check.ts <job.json> <result.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
const allowed = new Set(job.hosts);

const esc = (u: string) => u.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const pages: string[] = [];
for (let i = 0; i < job.targets.length; i += job.concurrency) {
  pages.push(
    `<!DOCTYPE html>\n<html><body>\n${job.targets
      .slice(i, i + job.concurrency)
      .map((t) => `<a href="${esc(t)}">x</a>`)
      .join('\n')}\n</body></html>\n`,
  );
}
const lists = createServer((req, res) => {
  const page = pages[Number(/^\/list\/(\d+)\.html$/.exec(req.url ?? '')?.[1] ?? -1)];
  res.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page ?? '');
});
await new Promise<void>((r) => lists.listen(0, '127.0.0.1', () => r()));
const listHost = `127.0.0.1:${(lists.address() as { port: number }).port}`;

const t0 = performance.now();
const found: { url: string; state: string; status?: number }[] = [];
for (let k = 0; k < pages.length; k++) {
  const result = await new LinkChecker().check({
    path: `http://${listHost}/list/${k}.html`,
    recurse: false,
    concurrency: job.concurrency,
    timeout: job.timeoutMs,
    linksToSkip: async (link) => {
      const host = new URL(link).host;
      return host !== listHost && !allowed.has(host);
    },
  });
  found.push(...result.links);
}
const ms = performance.now() - t0;
lists.close();
// The list pages themselves are among the results: leave them out.
const links = found.filter((l) => new URL(l.url).host !== listHost).map((l) => ({ url: l.url, state: l.state, status: l.status ?? null }));
writeFileSync(resultFile, JSON.stringify({ ms, checks: pages.length, links }));
