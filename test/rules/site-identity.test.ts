// site-identity: each missing or wrong footer item is its own finding; a badge-only 公安备案 counts.
import { site as baseSite } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import { siteIdentity } from '../../src/rules/site-identity.js';
import type { IdentityArtifact, LinkArtifact, SiteArtifacts } from '../../src/model/artifacts.js';

const GOOD: IdentityArtifact = {
  url: 'http://www.x.gov.cn/',
  siteCode: '4301000001',
  icp: '湘ICP备05001234号-1',
  police: '湘公网安备 43010202000123号',
};

function site(identity: Partial<IdentityArtifact> | null, extra: Partial<SiteArtifacts> = {}): SiteArtifacts {
  const base = baseSite({ identity: identity === null ? null : { ...GOOD, ...identity }, ...extra });
  const url = extra.site?.url ?? 'http://www.x.gov.cn/';
  // The homepage was read where the registered address led: the address itself unless a case says otherwise.
  const homepage = extra.homepage === undefined ? { ...base.homepage!, url, finalUrl: url } : base.homepage;
  return { ...base, homepage, site: { ...base.site, url, ...(extra.site ?? {}) } };
}

const badge: LinkArtifact = {
  pageUrl: 'http://www.x.gov.cn/',
  onHomepage: true,
  target: 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43010202000123',
  tag: 'a',
  text: null,
  status: null,
  http: null,
  error: null,
  attempts: 0,
};

ruleTable(siteIdentity, {
  valid: [
    { name: 'all three items, the registered code, a .gov.cn domain', artifacts: site({}) },
    {
      name: 'www.x.gov.cn leading to x.gov.cn is the same site',
      artifacts: site({}, { homepage: { ...baseSite().homepage!, url: 'http://www.x.gov.cn/', finalUrl: 'https://x.gov.cn/index.html' } }),
    },
    {
      name: 'a State Council department code (bm + 8 digits)',
      artifacts: site({ siteCode: 'bm07000001' }, { site: { ...baseSite().site, id: 'bm07000001', url: 'http://www.moa.gov.cn/' } }),
    },
    {
      name: 'a vertical branch code',
      artifacts: site({ siteCode: '37BM010018' }, { site: { ...baseSite().site, id: '37BM010018', url: 'http://qd.customs.gov.cn/' } }),
    },
    { name: '公安备案 only as a linked badge', artifacts: site({ police: null }, { links: [badge] }) },
  ],
  invalid: [
    { name: 'no 网站标识码', artifacts: site({ siteCode: null }), codes: ['site-code-missing'] },
    { name: 'a 9-digit code', artifacts: site({ siteCode: '430100001' }), codes: ['site-code-invalid'] },
    { name: 'another site’s code', artifacts: site({ siteCode: '4301000002' }), codes: ['site-code-mismatch'] },
    { name: 'no ICP, no 公安备案', artifacts: site({ icp: null, police: null }), codes: ['icp-missing', 'police-missing'] },
    {
      name: 'a commercial domain',
      artifacts: site({}, { site: { ...baseSite().site, url: 'http://www.qingshan.com.cn/' } }),
      codes: ['domain-not-gov'],
    },
    {
      name: 'an IP address',
      artifacts: site({}, { site: { ...baseSite().site, url: 'http://10.1.2.3:8080/' } }),
      codes: ['domain-not-gov'],
    },
  ],
  notChecked: [
    { name: 'homepage not read', artifacts: site(null) },
    {
      name: 'the footer is written by a script that could not be read: nothing is missing for sure',
      artifacts: site({
        siteCode: null,
        icp: null,
        police: null,
        footer: 'unread',
        footerUrl: 'http://x.gov.cn/js/footer.js',
        footerReason: '页脚由 http://x.gov.cn/js/footer.js 生成，未能获取',
      }),
    },
    { name: 'homepage unreadable', artifacts: site({}, { homepage: null }) },
    {
      name: 'the registered address leads to another domain (a parking page): its footer is not the site’s',
      artifacts: site(
        { siteCode: null, icp: null, police: null },
        { homepage: { ...baseSite().homepage!, url: 'http://www.x.gov.cn/', finalUrl: 'http://parked.example.com/' } },
      ),
    },
  ],
});
