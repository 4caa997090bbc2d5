// The hosts an outbound link leads to, as the link checker saw them once per check: a domain that no
// longer exists (anyone may register it), a domain-parking or sale page, or a site that now shows
// gambling, porn or fraud (the domain changed hands). Part of hidden-links: 通报 name links to expired
// or re-registered domains among the 非法链接, and the 2019 veto covers linking to 色情等内容.
import type { LinkArtifact, LinkHostArtifact } from '../../model/artifacts.js';
import type { Finding } from '../../model/finding.js';
import type { IllegalCategory, IllegalLinkLexicon } from './illegal-links.js';

export const LINK_HOST_TEXT = {
  'lapsed-domain': '链接的域名已失效，可被他人注册',
  'parked-domain': '链接的域名已停放或待售',
  'taken-over': '链接的域名已易主，现为赌博、色情、诈骗等内容',
};
const CATEGORY: Record<IllegalCategory, string> = { gambling: '赌博', porn: '色情', fraud: '诈骗' };
const PARKED = { 'for-sale': '域名出售页', parked: '域名停放页', expired: '域名过期提示页' };
const TAG = { a: '链接', attachment: '附件链接', frame: '内嵌框架', img: '图片', script: '脚本', stylesheet: '样式表' } as Record<
  string,
  string
>;
/** Links a person follows, whose site's content matters; a lapsed domain matters for anything a page loads from it too. */
const FOLLOWED = new Set(['a', 'attachment', 'frame']);

export interface LinkHostOptions {
  /** Distinct lexicon terms a site's homepage must show for its content to count, unless its title names one. */
  minTerms: number;
  lexicon: IllegalLinkLexicon;
}

/** Findings about the hosts of the site's outbound links; `outbound` says which links lead off government sites. */
export function linkHostFindings(
  siteId: string,
  links: LinkArtifact[],
  outbound: (target: string) => boolean,
  opts: LinkHostOptions,
): Finding[] {
  const byHost = Map.groupBy(
    links.filter((l) => l.host && outbound(l.target)),
    (l) => l.host!.host,
  );
  const findings: Finding[] = [];
  for (const group of byHost.values()) {
    const seen = group[0]!.host!;
    const finding = lapsed(seen, group) ?? parked(seen, group) ?? takenOver(seen, group, opts);
    if (finding) findings.push({ rule: 'hidden-links', siteId, ...finding });
  }
  return findings;
}

type HostFinding = Omit<Finding, 'rule' | 'siteId'>;

const where = (group: LinkArtifact[]) => ({
  targets: [...new Set(group.map((l) => l.target))].slice(0, 5),
  texts: [...new Set(group.map((l) => l.text).filter(Boolean))].slice(0, 5),
  pages: [...new Set(group.map((l) => l.pageUrl))].slice(0, 5),
});

/** The domain does not exist while its zone answers, and the link was found dead on both tries. */
function lapsed(seen: LinkHostArtifact, group: LinkArtifact[]): HostFinding | null {
  const dead = group.filter((l) => l.status === 'broken');
  if (!seen.lapsed || dead.length === 0) return null;
  const l = dead[0]!;
  return {
    code: 'lapsed-domain',
    url: l.pageUrl,
    message: `${TAG[l.tag] ?? '链接'}“${l.text ?? l.target}”的域名 ${seen.lapsed.domain} 已不存在（.${seen.lapsed.zone} 答复无此域名），任何人可注册后替换其内容，应删除或更正：${l.target}`,
    evidence: {
      host: seen.host,
      domain: seen.lapsed.domain,
      zone: seen.lapsed.zone,
      tags: [...new Set(dead.map((d) => d.tag))],
      ...where(dead),
    },
  };
}

function parked(seen: LinkHostArtifact, group: LinkArtifact[]): HostFinding | null {
  const followed = group.filter((l) => FOLLOWED.has(l.tag));
  const p = seen.site?.parked;
  if (!p || followed.length === 0) return null;
  const l = followed[0]!;
  return {
    code: 'parked-domain',
    url: l.pageUrl,
    message: `链接“${l.text ?? l.target}”指向的 ${seen.host} 现为${PARKED[p.kind]}（“${p.marker}”），不再是原网站：${l.target}`,
    evidence: {
      host: seen.host,
      parked: p,
      homepage: seen.site!.url,
      finalUrl: seen.site!.finalUrl,
      title: seen.site!.title,
      ...where(followed),
    },
  };
}

/**
 * The site's homepage shows gambling, porn or fraud: a lexicon term in its title, or several distinct
 * terms in its title, description and first words. One term in a news headline is not enough (a
 * portal's story on a 六合彩 gambling case is news, not gambling).
 */
function takenOver(seen: LinkHostArtifact, group: LinkArtifact[], opts: LinkHostOptions): HostFinding | null {
  const followed = group.filter((l) => FOLLOWED.has(l.tag));
  const site = seen.site;
  if (!site || followed.length === 0) return null;
  const inTitle = site.title ? opts.lexicon.terms(site.title) : [];
  const all = opts.lexicon.terms(`${site.title ?? ''} ${site.description ?? ''} ${site.text}`);
  if (inTitle.length === 0 && all.length < opts.minTerms) return null;
  const counts = Map.groupBy(all, (t) => t.category);
  const category = inTitle[0]?.category ?? [...counts].sort((x, y) => y[1].length - x[1].length)[0]![0];
  const terms = all.map((t) => t.term);
  const l = followed[0]!;
  return {
    code: 'taken-over',
    url: l.pageUrl,
    message: `链接“${l.text ?? l.target}”指向的 ${seen.host} 现为${CATEGORY[category]}内容（首页含“${terms.slice(0, 3).join('、')}”），域名疑已易主：${l.target}`,
    evidence: {
      host: seen.host,
      category,
      terms,
      inTitle: inTitle.map((t) => t.term),
      homepage: site.url,
      finalUrl: site.finalUrl,
      title: site.title,
      ...where(followed),
      needsConfirmation: '须人工核实链接目标后通报',
    },
  };
}
