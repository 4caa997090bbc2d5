// 暗链 and illegal outbound links. A link to gambling, porn or fraud, shown or hidden, is the 2019
// veto (链接…色情等内容); a link hidden from people that leads off government sites is an 暗链
// candidate a person confirms (hidden tab panels and menus carry ordinary links too), so a notice.
// Links to other government sites (.gov.cn) and to the site's own domain are never 暗链.
// Where outbound links lead now, as the link checker saw their hosts (utils/link-hosts.ts): a domain
// that no longer exists, a parking or sale page, a site taken over by gambling, porn or fraud. These
// are hidden-links' and not link-broken's: standards.md puts links to expired or re-registered domains
// among the illegal outbound links of the 通报, the veto for a taken-over site is this rule's (链接…色情),
// and a lapsed domain's link is already link-broken's dead link, so here it is a notice, not counted twice.
import { z } from 'zod';
import type { HiddenLinkArtifact, LinkArtifact } from '../model/artifacts.js';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { hostOf, isGovCn, registrableDomain } from './utils/registrable.js';
import { LINK_HOST_TEXT, linkHostFindings } from './utils/link-hosts.js';

const TEXT = {
  title: '暗链及违规外链',
  'illegal-link': '链接到赌博、色情、诈骗等违法违规内容',
  'hidden-link': '页面存在对访问者隐藏的外部链接（疑似暗链）',
};
const CATEGORY = { gambling: '赌博', porn: '色情', fraud: '诈骗' };

const options = z.object({
  /** Hidden links listed in a notice's evidence. */
  maxListed: z.number().int().positive().default(10),
  /** Distinct lexicon terms a linked site's homepage must show to count as taken over, unless its title holds one [U]. */
  minTerms: z.number().int().min(2).default(3),
});

export const hiddenLinks = defineRule({
  meta: {
    id: 'hidden-links',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 单项否决 严重错误（链接色情等内容）；暗链见近年通报',
    codes: { 'illegal-link': TEXT['illegal-link'], 'hidden-link': TEXT['hidden-link'], ...LINK_HOST_TEXT },
    requiredArtifacts: ['hiddenLinks', 'links', 'homepage'],
    options,
  },
  run(a, opts, ctx) {
    if (!a.homepage?.readable) return { status: 'not-checked', reason: '首页未能读取，无法检查暗链' };
    const own = registrableDomain(hostOf(a.site.url) ?? '');
    const outbound = (target: string) => {
      const host = hostOf(target);
      return host !== null && !isGovCn(host) && registrableDomain(host) !== own;
    };
    const findings: Finding[] = [];
    // Shown links (from the crawl) and hidden or script-written ones (read again at judging time).
    const candidates: (Pick<LinkArtifact, 'pageUrl' | 'target' | 'text'> & { title?: string | null; hidden?: HiddenLinkArtifact })[] = [
      ...a.links.filter((l) => l.tag === 'a' || l.tag === 'attachment'),
      ...a.hiddenLinks.map((h) => ({ pageUrl: h.pageUrl, target: h.target, text: h.text, title: h.title, hidden: h })),
    ];
    const illegal = new Map<string, { seen: typeof candidates; term: string; category: keyof typeof CATEGORY }>();
    for (const c of candidates) {
      if (!outbound(c.target)) continue;
      const hit = ctx.lexicons.illegalLinks.match(`${c.text ?? ''} ${c.title ?? ''}`);
      if (!hit) continue;
      const entry = illegal.get(c.target) ?? { seen: [], term: hit.term, category: hit.category };
      entry.seen.push(c);
      illegal.set(c.target, entry);
    }
    for (const [target, { seen, term, category }] of illegal) {
      const hidden = seen.find((s) => s.hidden)?.hidden;
      findings.push({
        rule: 'hidden-links',
        code: 'illegal-link',
        siteId: a.site.id,
        url: seen[0]!.pageUrl,
        message: `${hidden ? '隐藏' : ''}链接“${seen[0]!.text ?? target}”指向${CATEGORY[category]}内容（含“${term}”）：${target}`,
        evidence: {
          target,
          text: seen[0]!.text,
          term,
          category,
          hidden: hidden ? { pageUrl: hidden.pageUrl, how: hidden.how, markup: hidden.markup } : null,
          pages: [...new Set(seen.map((s) => s.pageUrl))].slice(0, 5),
          needsConfirmation: '须人工核实链接目标后通报',
        },
      });
    }
    const byPage = Map.groupBy(
      a.hiddenLinks.filter((h) => outbound(h.target) && !illegal.has(h.target)),
      (h) => h.pageUrl,
    );
    for (const [page, list] of byPage) {
      findings.push({
        rule: 'hidden-links',
        code: 'hidden-link',
        siteId: a.site.id,
        url: page,
        message: `页面有 ${list.length} 个对访问者隐藏的外部链接（如“${list[0]!.text ?? list[0]!.target}”，${list[0]!.how}），疑似暗链，须人工核实`,
        evidence: {
          count: list.length,
          links: list.slice(0, opts.maxListed).map((h) => ({ target: h.target, text: h.text, how: h.how, markup: h.markup })),
        },
      });
    }
    // A host already reported for a link's words is not reported again for where it leads.
    const reported = new Set([...illegal.keys()].map(hostOf));
    const unreported = a.links.filter((l) => !reported.has(hostOf(l.target)));
    findings.push(...linkHostFindings(a.site.id, unreported, outbound, { minTerms: opts.minTerms, lexicon: ctx.lexicons.illegalLinks }));
    return { status: 'checked', findings };
  },
});
