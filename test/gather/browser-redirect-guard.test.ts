// A rendered page may only reach its own host: a redirect (of the page or of a script it loads) to another
// host is refused, as a direct request there is. Chromium follows redirects without asking the page's
// route again, so this is held by taking each response without following its redirect.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, render } from '../../src/gather/browser/browser.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';

let site: Server;
let other: Server;
let sitePort: number;
let otherPort: number;
const otherHits: string[] = [];

function listen(s: Server, host: string): Promise<number> {
  return new Promise((resolve) => s.listen(0, host, () => resolve((s.address() as AddressInfo).port)));
}

beforeAll(async () => {
  other = createServer((req, res) => {
    otherHits.push(req.url ?? '');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<html><body><p id="where">另一个网站</p><script>document.title="taken"</script></body></html>');
  });
  otherPort = await listen(other, '127.0.0.2');
  site = createServer((req, res) => {
    if (req.url === '/moved') {
      res.writeHead(302, { location: `http://127.0.0.2:${otherPort}/landing` });
      return res.end();
    }
    if (req.url === '/js/app.js') {
      res.writeHead(302, { location: `http://127.0.0.2:${otherPort}/evil.js` });
      return res.end();
    }
    if (req.url === '/here') {
      res.writeHead(301, { location: '/home' });
      return res.end();
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<html><head><title>本站</title><script src="/js/app.js"></script></head><body><p id="where">本站首页</p></body></html>');
  });
  sitePort = await listen(site, '127.0.0.1');
});

afterAll(async () => {
  await new Promise((r) => site.close(r));
  await new Promise((r) => other.close(r));
});

describe('render keeps to the page’s own host through redirects', () => {
  it('a redirect to another host is not followed, for the page or its scripts; one on the same host is', async () => {
    const browser = await launchBrowser();
    try {
      const guard = new AddressGuard(true);
      const moved = await render(browser, `http://127.0.0.1:${sitePort}/moved`, { guard, timeoutMs: 10_000 }).catch((e: Error) => e);
      // Refused outright (an error) or shown as a blocked page: either way never the other host's page.
      const movedBody = moved instanceof Error ? '' : ((await moved.page.textContent('body')) ?? '');
      if (!(moved instanceof Error)) await moved.page.close();
      expect(movedBody).not.toContain('另一个网站');
      const same = await render(browser, `http://127.0.0.1:${sitePort}/here`, { guard, timeoutMs: 10_000 });
      expect(await same.page.textContent('#where')).toBe('本站首页');
      expect(same.finalUrl).toBe(`http://127.0.0.1:${sitePort}/home`);
      expect(await same.page.title()).toBe('本站');
      await same.page.close();
      expect(otherHits).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
