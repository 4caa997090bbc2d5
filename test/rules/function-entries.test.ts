// function-entries: the 找错 badge and a 无障碍 / 适老化 entry on the homepage, found in its links, its
// script sources or its script-driven controls; near misses (the entries on another page, a 纠错 link
// of the site's own, an unrelated script) do not count.
import { site as baseSite } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import { functionEntries } from '../../src/rules/function-entries.js';
import type { HomepageFeaturesArtifact, LinkArtifact, ScriptControlArtifact, SiteArtifacts } from '../../src/model/artifacts.js';

function link(target: string, text: string | null, tag = 'a', onHomepage = true): LinkArtifact {
  return {
    pageUrl: onHomepage ? 'http://x.gov.cn/' : 'http://x.gov.cn/col/',
    onHomepage,
    target,
    tag,
    text,
    status: null,
    http: null,
    error: null,
    attempts: 0,
  };
}

const JIUCUO_IMG = link('https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4301000001&url=', '政府网站找错');
const JIUCUO_SCRIPT = link('https://zfwzgl.www.gov.cn/exposure/jiucuo.js', null, 'script');
const KAIPU = link('https://pucha.kaipuyun.cn/exposure/jiucuo.html?site_code=4301000001', null);
const WZA_SCRIPT = link('http://x.gov.cn/common/js/wza.js', null, 'script');
const ARIA = link('https://wza.example.com/static/aria.js?appid=abc', null, 'script');
const SITEMAP = link('http://x.gov.cn/sitemap/', '网站地图');

const control = (text: string, hint = ''): ScriptControlArtifact => ({ text, hint });

function site(links: LinkArtifact[], controls: ScriptControlArtifact[] = [], extra: Partial<SiteArtifacts> = {}): SiteArtifacts {
  const features: HomepageFeaturesArtifact = { url: 'http://x.gov.cn/', viewport: null, controls, forms: [] };
  return baseSite({ links: [SITEMAP, ...links], homepageFeatures: features, ...extra });
}

ruleTable(functionEntries, {
  valid: [
    { name: 'the 找错 badge (image alt) and a 无障碍 switch', artifacts: site([JIUCUO_IMG], [control('无障碍', 'wza.open()')]) },
    { name: 'the badge written by jiucuo.js, and 长者模式 only', artifacts: site([JIUCUO_SCRIPT], [control('长者模式')]) },
    { name: 'the 开普云 找错 address without text, and an aria.js toolbar', artifacts: site([KAIPU, ARIA]) },
    { name: 'an accessibility toolbar known by its script alone', artifacts: site([JIUCUO_IMG, WZA_SCRIPT]) },
    { name: 'a switch named only by its id (cniil_wza) with an icon', artifacts: site([JIUCUO_IMG], [control('', 'cniil_wza')]) },
    { name: 'an 适老化 version linked as a page', artifacts: site([JIUCUO_IMG, link('http://x.gov.cn/shlh/', '适老化版')]) },
  ],
  invalid: [
    { name: 'neither entry', artifacts: site([]), codes: ['no-jiucuo', 'no-accessibility'] },
    { name: 'no 找错 entry beside a 无障碍 switch', artifacts: site([], [control('无障碍浏览')]), codes: ['no-jiucuo'] },
    { name: 'no accessibility entry beside the badge', artifacts: site([JIUCUO_IMG]), codes: ['no-accessibility'] },
    {
      name: 'both entries only on a column page, not the homepage',
      artifacts: site([
        { ...JIUCUO_IMG, onHomepage: false, pageUrl: 'http://x.gov.cn/col/' },
        link('http://x.gov.cn/wza/', '无障碍', 'a', false),
      ]),
      codes: ['no-jiucuo', 'no-accessibility'],
    },
    {
      name: 'an unrelated script (jquery) and a site’s own 纠错 form are not the entries',
      artifacts: site([link('http://x.gov.cn/js/jquery.min.js', null, 'script'), link('http://x.gov.cn/jc/', '信息纠错')]),
      codes: ['no-jiucuo', 'no-accessibility'],
    },
    {
      name: 'a script named like a toolbar only by its host does not count',
      artifacts: site([JIUCUO_IMG, link('https://wza.example.com/js/main.js', null, 'script')]),
      codes: ['no-accessibility'],
    },
  ],
  notChecked: [
    { name: 'homepage not read', artifacts: site([], [], { homepage: null }) },
    { name: 'homepage markup not stored', artifacts: site([], [], { homepageFeatures: null }) },
    {
      name: 'the registered address leads to another domain',
      artifacts: site([], [], { homepage: { ...baseSite().homepage!, finalUrl: 'http://parked.example.com/' } }),
    },
  ],
});
