// A site as a finished crawl leaves it in the store, healthy enough to be qualified on its own: a
// readable homepage with its footer identity, fresh homepage blocks and columns, and a message board
// with every letter answered. Judging it needs no network, so `check` can run on it through the CLI.
import { daysBefore } from '../../src/model/day.js';
import type { Site } from '../../src/model/site.js';
import { finishSiteCrawl } from '../../src/store/lists.js';
import { savePage } from '../../src/store/pages.js';
import { board } from '../helpers/artifacts.js';
import type { Harness } from '../helpers/store.js';

export function storeHealthyCrawl(h: Harness, site: Site, atDay: string): void {
  const fetchedAt = new Date().toISOString();
  const home = site.url;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${site.name}</title></head><body>
<ul><li><a href="${home}xwdt/1.html">本地新闻一</a><span>${daysBefore(atDay, 1)}</span></li></ul>
<div class="footer">主办单位：${site.name} 网站标识码：${site.id} 湘ICP备05001234号 湘公网安备 43010202000123号</div>
</body></html>`;
  savePage(h.db, h.check.id, site.id, {
    url: home,
    finalUrl: home,
    kind: 'homepage',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    encoding: 'utf-8',
    fetchedAt,
    body: Buffer.from(html),
    error: null,
  });
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      title: `信息${i + 1}`,
      url: `${home}a/${i}.html`,
      dateText: daysBefore(atDay, i + 1),
      date: daysBefore(atDay, i + 1),
    }));
  const column = (key: string, name: string) => ({
    kind: 'column' as const,
    key: `${home}${key}/`,
    url: `${home}${key}/`,
    name,
    level: 1,
    source: 'nav',
    state: 'items' as const,
    stateReason: null,
    items: items(5),
    pagesRead: 1,
    moreUrl: null,
  });
  finishSiteCrawl(
    h.db,
    h.check.id,
    site.id,
    {
      state: 'complete',
      reason: null,
      pagesFetched: 4,
      lists: [
        {
          ...column('xwdt', '新闻动态'),
          kind: 'homepage-block',
          key: `${home}#block-1`,
          url: home,
          source: 'homepage',
          moreUrl: `${home}xwdt/`,
        },
        column('xwdt', '新闻动态'),
        column('tzgg', '通知公告'),
        column('zcwj', '政策文件'),
      ],
      channels: [
        {
          key: `${home}hdjl/zxzx/`,
          ...board(
            `${home}hdjl/zxzx/`,
            [
              {
                title: '咨询办事时间',
                url: null,
                askedOn: daysBefore(atDay, 40),
                repliedOn: daysBefore(atDay, 38),
                status: '已回复',
                detailRead: false,
              },
            ],
            { foundOn: home },
          ),
        },
      ],
    },
    fetchedAt,
  );
}
