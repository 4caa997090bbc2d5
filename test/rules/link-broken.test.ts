import { linkBroken } from '../../src/rules/link-broken.js';
import type { LinkArtifact } from '../../src/model/artifacts.js';
import { site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const link = (
  target: string,
  status: LinkArtifact['status'],
  onHomepage = false,
  pageUrl = onHomepage ? 'http://x.gov.cn/' : 'http://x.gov.cn/a/',
): LinkArtifact => ({
  pageUrl,
  onHomepage,
  target,
  tag: 'a',
  text: '链接',
  status,
  http: status === 'broken' ? 404 : 200,
  error: null,
  attempts: 1,
});

ruleTable(linkBroken, {
  valid: [
    { name: 'all links answer', artifacts: site({ links: [link('http://x.gov.cn/1', 'ok', true), link('http://x.gov.cn/2', 'ok')] }) },
    {
      name: 'a suspected failure not yet confirmed is not counted',
      artifacts: site({ links: [link('http://x.gov.cn/1', 'suspect', true)] }),
    },
    {
      name: 'excluded links (external, not checked) are not counted',
      artifacts: site({ links: [link('http://o.com/', 'excluded', true), link('http://x.gov.cn/1', 'ok')] }),
    },
    { name: 'a page with no links', artifacts: site({ links: [] }) },
  ],
  invalid: [
    { name: 'a dead homepage link', artifacts: site({ links: [link('http://x.gov.cn/1', 'broken', true)] }), codes: ['homepage-link'] },
    { name: 'a dead link on another page', artifacts: site({ links: [link('http://x.gov.cn/1', 'broken')] }), codes: ['page-link'] },
    {
      name: 'one dead target on many pages is one finding, a homepage one if the homepage carries it',
      artifacts: site({
        links: [
          link('http://x.gov.cn/d', 'broken', false, 'http://x.gov.cn/a/'),
          link('http://x.gov.cn/d', 'broken', true),
          link('http://x.gov.cn/d', 'broken', false, 'http://x.gov.cn/b/'),
        ],
      }),
      codes: ['homepage-link'],
    },
    {
      name: 'two dead targets, two findings',
      artifacts: site({ links: [link('http://x.gov.cn/1', 'broken'), link('http://x.gov.cn/2', 'broken')] }),
      codes: ['page-link', 'page-link'],
    },
    {
      name: "links lost to the checker's network or stopped by a firewall are a notice, never a deduction",
      artifacts: site({
        links: [link('http://x.gov.cn/1', 'ok', true), link('http://www.gov.cn/', 'vantage', true), link('http://o.com/', 'blocked', true)],
      }),
      codes: ['unchecked'],
    },
    {
      name: 'a dead link still counts beside links that could not be judged',
      artifacts: site({ links: [link('http://x.gov.cn/1', 'broken', true), link('http://www.gov.cn/', 'vantage', true)] }),
      codes: ['homepage-link', 'unchecked'],
    },
  ],
  notChecked: [
    { name: 'links never checked', artifacts: site({ links: [link('http://x.gov.cn/1', null, true)] }) },
    { name: 'homepage not fetched', artifacts: site({ homepage: null, links: [] }) },
    {
      name: "no link judged: each one lost to the checker's network or stopped by a firewall",
      artifacts: site({
        links: [link('http://www.gov.cn/', 'vantage', true), link('http://10.0.0.1/', 'blocked'), link('http://o.com/', 'excluded')],
      }),
    },
  ],
});
