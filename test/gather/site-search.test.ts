// The site search tried against real servers on 127.0.0.1: words sent in the homepage's charset (GBK
// for a GBK site), found among the results' links, not in the page's echo of the query; results built
// by script read once rendered in Chromium, or left unjudged when rendering is off; forms the checker
// does not submit (POST, 验证码, script only) never sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homepageFeaturesOf } from '../../src/extract/homepage-features.js';
import { launchBrowser } from '../../src/gather/browser/browser.js';
import { AddressGuard } from '../../src/gather/http/address-guard.js';
import { pickTitle, trySearch } from '../../src/gather/search/site-search.js';
import type { ListArtifact } from '../../src/model/artifacts.js';
import { column } from '../helpers/artifacts.js';
import { siteRow } from '../helpers/store.js';

const TITLE = '白沙县召开高标准农田建设工作推进会';
let server: Server;
let base = '';
const asked: string[] = [];
let browser: Browser;

/** The words of `?kw=` as the server reads them: GBK bytes on /gbk/, UTF-8 elsewhere. */
function words(url: URL, raw: string): string {
  const m = /[?&]kw=([^&]*)/.exec(raw);
  if (!m) return '';
  const bytes = Buffer.from(
    m[1]!.replace(/\+/g, ' ').replace(/%([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  );
  return url.pathname.startsWith('/gbk/') ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8');
}

const results = (q: string, hit: boolean) =>
  `<html><body><p>您搜索的“${q}”共找到 ${hit ? 1 : 0} 条</p>${hit ? `<ul><li><a href="/a/1.html">${TITLE}</a></li></ul>` : '<p>没有找到相关信息</p>'}</body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    asked.push(req.url ?? '');
    const raw = (req.url ?? '').slice((req.url ?? '').indexOf('?'));
    const q = words(url, raw);
    if (url.pathname === '/gbk/search.asp') {
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      return res.end(iconv.encode(results(q, q === TITLE), 'gbk'));
    }
    if (url.pathname === '/jshome/' || url.pathname === '/jshome/new-tab/' || url.pathname === '/jshome/dead/') {
      // A homepage whose search box is submitted only by its script: to /jsresult?kw= in this tab, or a new one.
      const go =
        url.pathname === '/jshome/dead/'
          ? 'function go(){}'
          : url.pathname === '/jshome/new-tab/'
            ? "function go(){window.open('/jsresult?kw='+encodeURIComponent(document.getElementById('kw').value))}"
            : "function go(){location.href='/jsresult?kw='+encodeURIComponent(document.getElementById('kw').value)}";
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><head><title>白沙县人民政府</title></head><body><div class="search"><input id="kw" placeholder="请输入关键字"><a href="javascript:;" onclick="go()">搜索</a></div><ul><li><a href="/a/0.html">${TITLE}</a></li></ul><script>${go}</script></body></html>`,
        );
    }
    if (url.pathname === '/jsresult')
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(results(q, q === TITLE));
    if (url.pathname === '/utf8/search') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(results(q, false));
    if (url.pathname === '/js/search') {
      // The list is written by a script from data in the page, as search front ends built on templates do.
      const data = JSON.stringify(q === TITLE ? [{ t: TITLE, u: '/a/1.html' }] : []);
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><body><ul id="r"></ul><script>var d=${data};document.getElementById('r').innerHTML=d.map(function(x){return '<li><a href="'+x.u+'">'+x.t+'</a></li>'}).join('');</script></body></html>`,
        );
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
});

const site = () => siteRow('4301000001', `${base}/`);
function lists(): ListArtifact[] {
  const c = column('本地要闻', { items: [1, 5] });
  return [
    {
      ...c,
      url: `${base}/bdyw/`,
      items: c.items.map((it, i) => ({ ...it, title: i === 0 ? TITLE : '白沙县开展政务公开业务培训', url: `${base}/a/${i}.html` })),
    },
  ];
}
const opts = (render: boolean) => ({
  guard: new AddressGuard(true),
  timeoutMs: 10_000,
  concurrency: 1,
  render,
  browser: async () => (render ? browser : null),
});
const form = (action: string, extra = '') =>
  homepageFeaturesOf(
    `<html><body><form action="${action}" ${extra}><input type="hidden" name="sid" value="1"><input name="kw"></form></body></html>`,
    `${base}/`,
  );

describe('trySearch', { timeout: 60_000 }, () => {
  it('picks the newest dated title of the site’s own items, without a list’s ellipsis, an undated one only when nothing is dated', () => {
    const l = lists();
    l[0]!.items.push({ title: '关于做好2026年冬季森林防火工作的…', url: `${base}/a/9.html`, dateText: null, date: '2026-12-01' });
    expect(pickTitle(site(), l)).toEqual({ title: '关于做好2026年冬季森林防火工作的', from: `${base}/bdyw/` });
    expect(pickTitle(site(), [])).toBeNull();
    // Nothing dated: an undated item's title still finds it; a board is left out by the caller.
    const undated = { ...l[0]!, items: [{ title: '白沙县人民政府领导分工', url: `${base}/a/7.html`, dateText: null, date: null }] };
    expect(pickTitle(site(), [undated])).toEqual({ title: '白沙县人民政府领导分工', from: `${base}/bdyw/` });
    expect(pickTitle(site(), [undated, l[0]!])?.title).toBe('关于做好2026年冬季森林防火工作的');
  });

  it('sends a GBK site’s words in GBK and finds the title among the results’ links', async () => {
    const a = await trySearch(site(), form('/gbk/search.asp'), 'gbk', lists(), opts(false));
    expect(a).toMatchObject({
      status: 200,
      found: true,
      readAs: 'served',
      query: TITLE,
      form: { action: `${base}/gbk/search.asp`, field: 'kw' },
    });
    expect(a.resultUrl).toContain('sid=1&kw=%B0%D7%C9%B3');
  });

  it('does not take the page’s echo of the words for a result', async () => {
    expect(await trySearch(site(), form('/utf8/search'), 'utf-8', lists(), opts(false))).toMatchObject({
      status: 200,
      found: false,
      readAs: 'served',
    });
  });

  it('reads results a script writes once rendered, and leaves them unjudged with rendering off', async () => {
    expect(await trySearch(site(), form('/js/search'), 'utf-8', lists(), opts(true))).toMatchObject({ found: true, readAs: 'rendered' });
    expect(await trySearch(site(), form('/js/search'), 'utf-8', lists(), opts(false))).toMatchObject({ found: null, needsRender: true });
  });

  it('records an error page’s status', async () => {
    expect(await trySearch(site(), form('/gone/search'), 'utf-8', lists(), opts(false))).toMatchObject({ status: 404, found: null });
  });

  it('never sends a POST form, a 验证码 form or a script-submitted one, and says when the homepage has no search', async () => {
    const before = asked.length;
    const tried = (f: ReturnType<typeof form>) => trySearch(site(), f, 'utf-8', lists(), opts(true));
    expect(await tried(form('/gbk/search.asp', 'method="post"'))).toMatchObject({ skipped: 'post' });
    expect(
      await tried(homepageFeaturesOf(`<form action="/s"><input name="kw"><input name="yzm" placeholder="验证码"></form>`, `${base}/`)),
    ).toMatchObject({ skipped: 'captcha' });
    const offline = (f: ReturnType<typeof form>) => trySearch(site(), f, 'utf-8', lists(), opts(false));
    expect(await offline(form('javascript:doSearch()'))).toMatchObject({ skipped: 'script' });
    expect(await offline(homepageFeaturesOf(`<input id="kw"><a href="javascript:;" onclick="go()">搜索</a>`, `${base}/`))).toMatchObject({
      skipped: 'script',
    });
    expect(await tried(homepageFeaturesOf('<a href="/about/">关于我们</a>', `${base}/`))).toMatchObject({ skipped: 'no-search' });
    expect(await trySearch(site(), form('/gbk/search.asp'), 'utf-8', [], opts(true))).toMatchObject({ skipped: 'no-title' });
    expect(asked.length).toBe(before);
  });

  it('a search submitted only by script is typed into the homepage in Chromium and its results read, in this tab or a new one', async () => {
    const scripted = homepageFeaturesOf(`<input id="kw"><a href="javascript:;" onclick="go()">搜索</a>`, `${base}/jshome/`);
    for (const path of ['/jshome/', '/jshome/new-tab/']) {
      const a = await trySearch(siteRow('4301000001', `${base}${path}`), scripted, 'utf-8', lists(), opts(true));
      expect(a).toMatchObject({ found: true, readAs: 'typed', query: TITLE });
      expect(a.resultUrl).toContain('/jsresult?kw=');
    }
    // Near miss: a box whose script does nothing opens no results page, and the homepage's own list (which
    // shows the title) is not taken for one: not judged, with why.
    const dead = await trySearch(siteRow('4301000001', `${base}/jshome/dead/`), scripted, 'utf-8', lists(), opts(true));
    expect(dead).toMatchObject({ skipped: 'script', found: null });
    expect(dead.skippedDetail).toContain('没有打开结果页');
  });

  it('records a refused address as the checker’s failure', async () => {
    const a = await trySearch(site(), form('/gbk/search.asp'), 'gbk', lists(), { ...opts(false), guard: new AddressGuard(false) });
    expect(a).toMatchObject({ failure: 'blocked', found: null });
  });
});
