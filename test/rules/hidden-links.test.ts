import { hiddenLinks } from '../../src/rules/hidden-links.js';
import type { HiddenLinkArtifact, LinkArtifact } from '../../src/model/artifacts.js';
import { site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const shown = (target: string, text: string): LinkArtifact => ({
  pageUrl: 'http://x.gov.cn/',
  onHomepage: true,
  target,
  tag: 'a',
  text,
  status: 'ok',
  http: 200,
  error: null,
  attempts: 1,
});
const hidden = (target: string, text: string, how = 'display:none'): HiddenLinkArtifact => ({
  pageUrl: 'http://x.gov.cn/',
  target,
  text,
  title: null,
  how,
  markup: `<a href="${target}">${text}</a>`,
});

ruleTable(hiddenLinks, {
  valid: [
    {
      name: 'a visible 友情链接 to another government site, and an ordinary external link',
      artifacts: site({ links: [shown('http://www.hunan.gov.cn/', '湖南省人民政府'), shown('https://www.12306.cn/', '中国铁路12306')] }),
    },
    {
      name: 'a hidden menu of government sites',
      artifacts: site({ hiddenLinks: [hidden('http://www.hunan.gov.cn/', '省政府'), hidden('http://jyt.hunan.gov.cn/', '教育厅')] }),
    },
    { name: 'a hidden link on the site’s own domain', artifacts: site({ hiddenLinks: [hidden('http://old.x.gov.cn/a.html', '旧版')] }) },
    {
      name: 'a state lottery link: 彩票 alone is no gambling term',
      artifacts: site({ links: [shown('https://www.sporttery.cn/', '中国体育彩票')] }),
    },
  ],
  invalid: [
    {
      name: 'a hidden gambling link',
      artifacts: site({ hiddenLinks: [hidden('http://bc.example.com/', '澳门葡京百家乐')] }),
      codes: ['illegal-link'],
    },
    {
      name: 'a shown porn link is a veto too',
      artifacts: site({ links: [shown('http://x.example.net/', '成人视频在线')] }),
      codes: ['illegal-link'],
    },
    {
      name: 'hidden outbound links without such words: a notice per page for a person to confirm',
      artifacts: site({
        hiddenLinks: [hidden('http://shop.example.com/', '优惠'), hidden('http://blog.example.com/', '博客', 'font-size:0')],
      }),
      codes: ['hidden-link'],
    },
  ],
  notChecked: [{ name: 'homepage not read', artifacts: site({ homepage: null }) }],
});
