// disclosure-guide: the 政府信息公开指南 among the names the crawl saw; not-checked where the site's
// 信息公开 section was not named, is on another host, or was not read before the crawl stopped.
import { column, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import { disclosureGuide } from '../../src/rules/disclosure-guide.js';
import type { LinkArtifact, ListArtifact, SiteArtifacts } from '../../src/model/artifacts.js';

function link(text: string, target: string, pageUrl = 'http://x.gov.cn/'): LinkArtifact {
  return {
    pageUrl,
    onHomepage: pageUrl === 'http://x.gov.cn/',
    target,
    tag: 'a',
    text,
    status: null,
    http: null,
    error: null,
    attempts: 0,
  };
}

const XXGK = column('政府信息公开', { items: [3, 10] });
const partial = { state: 'partial' as const, reason: '页数达到上限 600', pagesFetched: 600 };
const withSection = (lists: ListArtifact[], links: LinkArtifact[], extra: Partial<SiteArtifacts> = {}) => site({ lists, links, ...extra });

ruleTable(disclosureGuide, {
  valid: [
    { name: 'a link named 政府信息公开指南', artifacts: withSection([XXGK], [link('政府信息公开指南', 'http://x.gov.cn/xxgk/zn/')]) },
    { name: 'a column of that name', artifacts: withSection([XXGK, column('政府信息公开指南', { state: 'page' })], []) },
    {
      name: 'an item titled as the guide in the 信息公开 list',
      artifacts: withSection([{ ...XXGK, items: [{ ...XXGK.items[0]!, title: 'XX市教育局政府信息公开指南（2025年修订）' }] }], []),
    },
    { name: 'a level the edition leaves out', artifacts: withSection([XXGK], [], {}), options: { levels: ['province-portal'] } },
  ],
  invalid: [
    {
      name: 'a 信息公开 column read, no guide anywhere',
      artifacts: withSection([XXGK], [link('政府信息公开制度', 'http://x.gov.cn/xxgk/zd/')]),
      codes: ['no-guide'],
    },
    {
      name: 'the section named only by a menu link (XX县政务公开), the crawl complete',
      artifacts: withSection([], [link('临溪县政务公开', 'http://x.gov.cn/zwgk/')]),
      codes: ['no-guide'],
    },
    {
      name: 'the 信息公开 column read though the crawl stopped early',
      artifacts: withSection([XXGK], [], { crawl: partial }),
      codes: ['no-guide'],
    },
    {
      name: 'a 公开指引 page is not the guide',
      artifacts: withSection([XXGK], [link('市政府信息公开指引', 'http://x.gov.cn/zy/')]),
      codes: ['no-guide'],
    },
  ],
  notChecked: [
    { name: 'no 信息公开 section named at all', artifacts: withSection([column('工作动态', { items: [1] })], []) },
    {
      name: 'news titles that mention 政务公开 are not a section',
      artifacts: withSection(
        [],
        [link('临溪县召开政务公开工作座谈会', 'http://x.gov.cn/a.html'), link('临溪县政务公开实施方案', 'http://x.gov.cn/b.html')],
      ),
    },
    {
      name: 'the section on a county platform (another host)',
      artifacts: withSection([], [link('政府信息公开', 'http://xxgk.county.gov.cn/bm/x/')]),
    },
    {
      name: 'the section only linked and the crawl stopped early',
      artifacts: withSection([], [link('政务公开', 'http://x.gov.cn/zwgk/')], { crawl: partial }),
    },
    {
      name: 'the 信息公开 column unreadable and the crawl partial',
      artifacts: withSection([{ ...XXGK, state: 'unreadable', items: [] }], [], { crawl: partial }),
    },
    { name: 'homepage not read', artifacts: withSection([XXGK], [], { homepage: null }) },
  ],
});
