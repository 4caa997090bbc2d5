import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hiddenLinks } from '../../src/rules/hidden-links.js';
import type { HiddenLinkArtifact, LinkArtifact, LinkHostArtifact } from '../../src/model/artifacts.js';
import { readTargetPage } from '../../src/extract/target-page.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx, site } from '../helpers/artifacts.js';
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

// What the link checker saw of a host: its homepage read from a saved page, or its domain gone.
const homepage = (saved: string, host: string): LinkHostArtifact => {
  const url = `http://${host}/`;
  const page = readTargetPage(
    readFileSync(new URL(`../extract/target-pages/${saved}.html`, import.meta.url)),
    'text/html; charset=utf-8',
    url,
  );
  return { host, lapsed: null, site: { url, finalUrl: url, status: 200, ...page } };
};
const gone = (host: string, domain: string, zone = 'com'): LinkHostArtifact => ({ host, lapsed: { domain, zone }, site: null });
const leadsTo = (l: LinkArtifact, host: LinkHostArtifact, extra: Partial<LinkArtifact> = {}): LinkArtifact => ({ ...l, host, ...extra });
const dead = { status: 'broken', http: null, error: '两次检查均失败：dns: ENOTFOUND', attempts: 2 } as const;
const textOnly = (title: string, text: string): LinkHostArtifact => ({
  host: 'www.yule-old.com',
  lapsed: null,
  site: {
    url: 'http://www.yule-old.com/',
    finalUrl: 'http://www.yule-old.com/',
    status: 200,
    title,
    description: null,
    text,
    parked: null,
  },
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
    {
      name: 'an ordinary external link to a working site',
      artifacts: site({ links: [leadsTo(shown('http://www.company.com/', '技术支持'), homepage('company-footer', 'www.company.com'))] }),
    },
    {
      name: 'a news portal whose headlines mention 彩票 and one 六合彩 case: news, not gambling',
      artifacts: site({ links: [leadsTo(shown('http://www.news.com/', '某某新闻网'), homepage('news-portal', 'www.news.com'))] }),
    },
    {
      name: 'one term in the page, none in its title, is below the count',
      artifacts: site({
        links: [leadsTo(shown('http://www.yule-old.com/', '文体'), textOnly('文体中心', '本周开设棋牌讲座 百家乐 等游戏规则普及'))],
      }),
    },
    {
      name: 'a domain seen gone, but the retry fell in an unhealthy window: the link is the vantage’s',
      artifacts: site({
        links: [leadsTo(shown('http://www.lapsed.com/', '旧站'), gone('www.lapsed.com', 'lapsed.com'), { ...dead, status: 'vantage' })],
      }),
    },
    {
      name: 'a domain seen gone on the first try only (suspect, not yet dead)',
      artifacts: site({
        links: [
          leadsTo(shown('http://www.lapsed.com/', '旧站'), gone('www.lapsed.com', 'lapsed.com'), {
            ...dead,
            status: 'suspect',
            attempts: 1,
          }),
        ],
      }),
    },
    {
      name: 'a parking page behind an image, not a link a person follows',
      artifacts: site({
        links: [leadsTo({ ...shown('http://img.old.com/a.png', ''), tag: 'img' }, homepage('sedo-parked', 'img.old.com'))],
      }),
    },
    {
      name: 'a parked host on the site’s own domain or another government site is not judged',
      artifacts: site({
        links: [
          leadsTo(shown('http://old.x.gov.cn/', '旧版'), homepage('cn-for-sale', 'old.x.gov.cn')),
          leadsTo(shown('http://www.hunan.gov.cn/', '省政府'), homepage('gambling-new-owner', 'www.hunan.gov.cn')),
        ],
      }),
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
    {
      name: 'a link to a site now showing gambling (its domain changed hands): the veto',
      artifacts: site({
        links: [leadsTo(shown('http://www.lvyou-old.com/', '旅游资讯'), homepage('gambling-new-owner', 'www.lvyou-old.com'))],
      }),
      codes: ['taken-over'],
    },
    {
      name: 'several terms in the first words, none in the title',
      artifacts: site({
        links: [leadsTo(shown('http://www.yule-old.com/', '文体'), textOnly('欢迎光临', '真人视讯 百家乐 体育投注 注册送彩金'))],
      }),
      codes: ['taken-over'],
    },
    {
      name: 'links to parking and sale pages, one per host',
      artifacts: site({
        links: [
          leadsTo(shown('http://jiankang-old.com/', '健康网'), homepage('sedo-parked', 'jiankang-old.com')),
          leadsTo(shown('http://jiankang-old.com/news/', '健康新闻'), homepage('sedo-parked', 'jiankang-old.com')),
          leadsTo(shown('http://nongye-old.cn/', '农业信息'), homepage('cn-for-sale', 'nongye-old.cn')),
        ],
      }),
      codes: ['parked-domain', 'parked-domain'],
    },
    {
      name: 'a dead link whose domain no longer exists, and a script loaded from another',
      artifacts: site({
        links: [
          leadsTo(shown('http://www.lapsed.com/', '旧站'), gone('www.lapsed.com', 'lapsed.com'), dead),
          leadsTo(
            { ...shown('http://cdn.gone-cdn.com.cn/tj.js', ''), tag: 'script' },
            gone('cdn.gone-cdn.com.cn', 'gone-cdn.com.cn', 'com.cn'),
            dead,
          ),
        ],
      }),
      codes: ['lapsed-domain', 'lapsed-domain'],
    },
    {
      name: 'a link reported for its words is not reported again for where it leads',
      artifacts: site({
        links: [leadsTo(shown('http://www.lvyou-old.com/', '澳门葡京百家乐'), homepage('gambling-new-owner', 'www.lvyou-old.com'))],
      }),
      codes: ['illegal-link'],
    },
  ],
  notChecked: [{ name: 'homepage not read', artifacts: site({ homepage: null }) }],
});

describe('hidden-links: where outbound links lead', () => {
  const run = (links: LinkArtifact[]) => {
    const r = runRule(hiddenLinks, site({ links }), hiddenLinks.meta.options.parse({}), ctx);
    return r.status === 'checked' ? r.findings : [];
  };

  it('a taken-over site: its category, the terms and the title are the evidence, for a person to confirm', () => {
    const [f] = run([leadsTo(shown('http://www.lvyou-old.com/', '旅游资讯'), homepage('gambling-new-owner', 'www.lvyou-old.com'))]);
    expect(f!.evidence).toMatchObject({
      host: 'www.lvyou-old.com',
      category: 'gambling',
      title: '澳门葡京娱乐城-真人娱乐-百家乐-体育投注官网',
    });
    expect(f!.evidence.terms).toEqual(expect.arrayContaining(['百家乐', '真人娱乐', '体育投注']));
    expect(f!.evidence.needsConfirmation).toBeTruthy();
    expect(f!.message).toContain('赌博');
  });

  it('a lapsed domain names the domain and the zone that answered, and says what is at risk', () => {
    const [f] = run([leadsTo(shown('http://www.lapsed.com/a.html', '旧站'), gone('www.lapsed.com', 'lapsed.com'), dead)]);
    expect(f!.evidence).toMatchObject({ domain: 'lapsed.com', zone: 'com', targets: ['http://www.lapsed.com/a.html'] });
    expect(f!.message).toMatch(/lapsed\.com 已不存在.*可注册/);
  });

  it('a parked host says what kind of page and what gave it away', () => {
    const [f] = run([leadsTo(shown('http://xinxi-old.net/', '信息网'), homepage('godaddy-lander', 'xinxi-old.net'))]);
    expect(f!.evidence.parked).toMatchObject({ kind: 'parked', where: 'markup' });
    expect(f!.message).toContain('域名停放页');
  });
});
