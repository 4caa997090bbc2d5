// 网站标识 (standards.md, Site identity): the homepage footer shows a valid 网站标识码 equal to the
// registered one, an ICP 备案号 and a 公安机关备案号; the registered domain ends in .gov.cn. Each
// missing or wrong item is its own finding.
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { defineRule, type RuleInput } from './rule.js';
import { homepageNotJudgeable } from './utils/homepage-read.js';
import { hostOf, isGovCn } from './utils/registrable.js';

const TEXT = {
  title: '网站标识',
  'site-code-missing': '首页未标注网站标识码',
  'site-code-invalid': '网站标识码格式不正确',
  'site-code-mismatch': '网站标识码与登记信息不一致',
  'icp-missing': '首页未标注ICP备案编号',
  'police-missing': '首页未标注公安机关备案号',
  'domain-not-gov': '网站域名不是 .gov.cn 域名',
};

const options = z.object({
  /** 网站标识码 forms [V]: local 10 digits, State Council departments bm + 8 digits, vertical branches 2 digits + BM + 6. */
  siteCodePattern: z.string().default('^(\\d{10}|bm\\d{8}|\\d{2}BM\\d{6})$'),
});

type Code = Exclude<keyof typeof TEXT, 'title'>;

/** A 公安备案 shown only as a badge still links to the record: beian.gov.cn …?recordcode=N. */
function policeFromLinks(a: RuleInput<'links'>): string | null {
  for (const l of a.links) {
    if (!l.onHomepage) continue;
    const m = /beian\.gov\.cn\/.*[?&]recordcode=(\d{10,20})/i.exec(l.target);
    if (m) return m[1]!;
  }
  return null;
}

export const siteIdentity = defineRule({
  meta: {
    id: 'site-identity',
    title: TEXT.title,
    indicator: '国办发〔2017〕47号 政府网站发展指引 网站标识；国办秘函〔2019〕19号',
    codes: Object.fromEntries(Object.entries(TEXT).filter(([k]) => k !== 'title')) as Record<Code, string>,
    requiredArtifacts: ['identity', 'links', 'homepage'],
    options,
  },
  run(a, opts) {
    if (!a.identity) return { status: 'not-checked', reason: '首页未能读取，无法检查网站标识' };
    // A registered address that now leads to another domain (a parking page, another owner) shows
    // someone else's footer: judging it would be a finding about a page that is not the site's.
    const why = homepageNotJudgeable(a.site, a.homepage, '网站标识');
    if (why) return { status: 'not-checked', reason: why };
    const id = a.identity;
    // Items missing from a footer that was never read are not missing: a person may well see them.
    if (id.footer === 'unread') return { status: 'not-checked', reason: `首页页脚未能读取：${id.footerReason ?? '页脚由脚本生成'}` };
    const out: Finding[] = [];
    const add = (code: Code, message: string, evidence: Record<string, unknown>) =>
      out.push({
        rule: 'site-identity',
        code,
        siteId: a.site.id,
        url: id.url,
        message,
        evidence: { ...evidence, footerReadFrom: id.footer === 'include' ? id.footerUrl : id.url },
      });
    const pattern = new RegExp(opts.siteCodePattern);
    if (!id.siteCode) add('site-code-missing', TEXT['site-code-missing'], { registered: a.site.id });
    else if (!pattern.test(id.siteCode))
      add('site-code-invalid', `${TEXT['site-code-invalid']}：“${id.siteCode}”`, { shown: id.siteCode, expected: opts.siteCodePattern });
    else if (id.siteCode.toLowerCase() !== a.site.id.toLowerCase())
      add('site-code-mismatch', `首页网站标识码为 ${id.siteCode}，登记为 ${a.site.id}`, { shown: id.siteCode, registered: a.site.id });
    if (!id.icp) add('icp-missing', TEXT['icp-missing'], {});
    if (!id.police && !policeFromLinks(a)) add('police-missing', TEXT['police-missing'], {});
    const host = hostOf(a.site.url);
    if (host && !isGovCn(host)) add('domain-not-gov', `${TEXT['domain-not-gov']}：${host}`, { host, registeredUrl: a.site.url });
    return { status: 'checked', findings: out };
  },
});
