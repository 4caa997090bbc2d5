// Resume from a real store: what an earlier run stored is answered from it, errors and 5xx are fetched
// again, and a render is handed the page as served when that is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredPages } from '../../../src/gather/crawl/resume.js';
import type { Site } from '../../../src/model/site.js';
import { type FetchedPage, savePage } from '../../../src/store/pages.js';
import { upsertSites } from '../../../src/store/sites.js';
import { type Harness, harness } from '../../helpers/store.js';

const AT = '2026-12-01T10:00:00+08:00';
const SITE = '4311000009';
const HOME = 'http://www.example.gov.cn/';
const at = (path: string) => `${HOME}${path}`;

const page = (url: string, p: Partial<FetchedPage> = {}): FetchedPage => ({
  url,
  finalUrl: null,
  kind: 'column',
  status: 200,
  contentType: 'text/html',
  encoding: null,
  fetchedAt: new Date(AT).toISOString(),
  body: Buffer.from(`<html><body>${url}</body></html>`),
  error: null,
  ...p,
});

let h: Harness;
let earlier: StoredPages;
const save = (p: FetchedPage) => savePage(h.db, h.check.id, SITE, p);

beforeAll(() => {
  h = harness(AT);
  const site: Site = { id: SITE, name: '示例', url: HOME, sponsor: null, level: null, region: null, parentId: null, status: 'running' };
  upsertSites(h.db, [site], 't.csv', new Date().toISOString());
  h.check = h.ensure();
  save(page(at('ok.html')));
  save(page(at('not-found.html'), { status: 404 }));
  save(page(at('server-error.html'), { status: 503 }));
  save(page(at('timeout.html'), { status: null, body: null, error: '超时' }));
  save(page(at('scripted.html')));
  save(page(at('scripted.html'), { rendered: true }));
  save(page(at('raw-only.html')));
  earlier = new StoredPages(h.db, h.check.id);
});
afterAll(() => h?.close());

describe('resume from the store', () => {
  it('answers a request with the page an earlier run stored, 4xx included', () => {
    expect(earlier.answer(at('ok.html'), false)).toMatchObject({ url: at('ok.html'), status: 200 });
    expect(earlier.answer(at('ok.html'), false)!.body!.toString()).toContain('ok.html');
    expect(earlier.answer(at('not-found.html'), false)).toMatchObject({ status: 404 });
  });

  it('fetches again what failed: a 5xx, or no body', () => {
    expect(earlier.answer(at('server-error.html'), false)).toBeUndefined();
    expect(earlier.answer(at('timeout.html'), false)).toBeUndefined();
  });

  it('tells a rendered page from the page as served', () => {
    expect(earlier.answer(at('scripted.html'), true)).toMatchObject({ rendered: true });
    expect(earlier.answer(at('raw-only.html'), true)).toBeUndefined();
    expect(earlier.answer(at('never.html'), false)).toBeUndefined();
  });

  it('answers only from what was stored before this run, without asking the store again', () => {
    save(page(at('this-run.html')));
    expect(earlier.answer(at('this-run.html'), false)).toBeUndefined();
    expect(new StoredPages(h.db, h.check.id).answer(at('this-run.html'), false)).toMatchObject({ status: 200 });
  });

  it('hands a render the page as served, stored by this run too, unless it failed', () => {
    expect(earlier.served(at('raw-only.html'))).toEqual({
      bytes: Buffer.from(`<html><body>${at('raw-only.html')}</body></html>`),
      contentType: 'text/html',
    });
    save(page(at('raw-now.html')));
    expect(earlier.served(at('raw-now.html'))?.bytes.toString()).toContain('raw-now.html');
    expect(earlier.served(at('timeout.html'))).toBeUndefined();
    save(page(at('odd.html'), { error: '内容过大' }));
    expect(earlier.served(at('odd.html'))).toBeUndefined();
    expect(earlier.served(at('never.html'))).toBeUndefined();
  });
});
