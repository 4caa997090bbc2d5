import { homepageStale } from '../../src/rules/homepage-stale.js';
import { block, column, opened, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(homepageStale, {
  valid: [
    { name: 'an item today', artifacts: site({ lists: [block('要闻', [0, 3])] }) },
    { name: 'newest item exactly 14 days ago is inside the window', artifacts: site({ lists: [block('要闻', [14, 20])] }) },
    { name: 'fresh item in any block counts', artifacts: site({ lists: [block('通知公告', [40]), block('要闻', [2])] }) },
    { name: 'undated items beside a fresh dated one', artifacts: site({ lists: [block('要闻', [null, null, 5])] }) },
    {
      name: 'nav-only homepage judged on fresh first-level columns',
      artifacts: site({ lists: [column('工作动态', { items: [3] }), column('通知公告', { items: [100] })] }),
    },
    {
      name: 'undated list whose items’ pages show a fresh 发布时间',
      artifacts: site({ lists: [opened(block('要闻', [null, null, null]), [2, 9, null])] }),
    },
    {
      name: 'an undated list of off-site items beside a fresh dated block',
      artifacts: site({
        lists: [
          { ...block('专题', [null]), items: [{ title: '专题', url: 'http://other.cn/', dateText: null, date: null }] },
          block('要闻', [1]),
        ],
      }),
    },
    {
      name: 'a fresh block beside a homepage frame that was not read: fresh is fresh',
      artifacts: site({ lists: [block('要闻', [2]), { ...block('最新公开', []), state: 'unreadable', stateReason: '未读取', items: [] }] }),
    },
    { name: 'a longer window from the edition', artifacts: site({ lists: [block('要闻', [20])] }), options: { days: 21 } },
  ],
  invalid: [
    { name: 'newest item 15 days ago', artifacts: site({ lists: [block('要闻', [15, 30])] }), codes: ['stale'] },
    {
      name: 'items undated on the list and on their own pages: not updated',
      artifacts: site({ lists: [opened(block('要闻', [null, null]))] }),
      codes: ['stale'],
    },
    {
      name: 'an undated list whose pages show old dates',
      artifacts: site({ lists: [opened(block('要闻', [null, null]), [20, 30])] }),
      codes: ['stale'],
    },
    { name: 'an item dated after `at` did not exist at `at`', artifacts: site({ lists: [block('要闻', [-3, 20])] }), codes: ['stale'] },
    {
      name: 'nav-only homepage with stale first-level columns',
      artifacts: site({ lists: [column('工作动态', { items: [30] })] }),
      codes: ['stale'],
    },
  ],
  notChecked: [
    {
      name: 'an undated list of which one page of three was read: too few to say it shows no dates',
      artifacts: site({
        lists: [
          {
            ...block('要闻', [null, null, null]),
            items: block('要闻', [null, null, null]).items.map((it, i) => ({
              ...it,
              url: `http://x.gov.cn/a${i}.html`,
              articleRead: i === 0,
            })),
          },
        ],
      }),
    },
    {
      name: 'an undated list whose items live on another host of the site’s domain (xxgk.x.gov.cn), none read',
      artifacts: site({
        lists: [
          {
            ...block('政务公开', [null, null]),
            items: [0, 1].map((i) => ({ title: `文件${i}`, url: `http://xxgk.x.gov.cn/${i}.html`, dateText: null, date: null })),
          },
          block('通知公告', [40]),
        ],
      }),
    },
    {
      name: 'stale blocks beside a homepage frame that was not read (xxgk.x.gov.cn): it may be the fresh one',
      artifacts: site({
        lists: [
          block('要闻', [30]),
          { ...block('最新公开', []), state: 'unreadable', stateReason: '首页内嵌其他主机（xxgk.x.gov.cn）的页面，未读取', items: [] },
        ],
      }),
    },
    {
      name: 'undated list whose items’ pages were not read: a veto must not rest on them',
      artifacts: site({ lists: [block('要闻', [null, null]), block('通知公告', [40])] }),
    },
    { name: 'homepage not fetched', artifacts: site({ homepage: null, lists: [block('要闻', [1])] }) },
    {
      name: 'no list on homepage and no readable first-level column',
      artifacts: site({ lists: [column('工作动态', { level: 2, items: [1] })] }),
    },
  ],
});
