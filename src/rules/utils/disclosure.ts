// What the crawl saw of a site's 政府信息公开: every name a person reads on it (a column's name, a list
// item's title, a link's text), and whether the site has a 信息公开 section at all, or keeps it on
// another host (a county's 政府信息公开 platform) the crawl did not read.
import type { LinkArtifact, ListArtifact } from '../../model/artifacts.js';
import { hostOf } from './registrable.js';

export interface Named {
  kind: 'column' | 'item' | 'link';
  text: string;
  /** Where it leads (a column's page, an item's or a link's target); null when it leads nowhere. */
  url: string | null;
  /** The list it is an item of, or the column it is the name of. */
  list: ListArtifact | null;
  /** The page it was seen on. */
  seenOn: string;
}

/** Every column name, list item title and link text of the crawled pages. */
export function namesSeen(lists: ListArtifact[], links: LinkArtifact[]): Named[] {
  const out: Named[] = [];
  for (const l of lists) {
    if (l.kind === 'column') out.push({ kind: 'column', text: l.name, url: l.url, list: l, seenOn: l.url });
    for (const i of l.items) out.push({ kind: 'item', text: i.title, url: i.url, list: l, seenOn: l.url });
  }
  for (const k of links)
    if (k.text && (k.tag === 'a' || k.tag === 'attachment' || k.tag === 'img'))
      out.push({ kind: 'link', text: k.text, url: k.target, list: null, seenOn: k.pageUrl });
  return out;
}

/**
 * The default name of a 信息公开 section: a menu entry such as 政府信息公开, XX县政务公开, 信息公开专栏, or an
 * entry of the section (政府信息公开指南, 政府信息公开工作年度报告); not a news title that mentions it.
 */
export const SECTION_TEXT = '^(.{0,8}(政府信息公开|政务公开|信息公开)(专栏|平台|目录|网)?|.{0,6}政府信息公开.{0,6})$';

export interface Section {
  /** Names of the site's 信息公开 columns and links (a few, as evidence). */
  names: string[];
  /** A 信息公开 column's own page was read: the links of its menu are among those seen. */
  read: boolean;
  /** Hosts other than the site's that 信息公开 links lead to: a platform the crawl did not read. */
  offsiteHosts: string[];
}

/**
 * Why something of the 信息公开 section that was not seen cannot be called missing (a Chinese reason), or
 * null when it can: the section is named, on the site's own host, and its page was read or the crawl
 * finished.
 */
export function sectionNotJudgeable(section: Section | null, crawl: { state: string; reason: string | null }, what: string): string | null {
  if (!section) return `抓取到的页面中没有政府信息公开栏目或链接，${what}是否发布需人工查看`;
  if (section.offsiteHosts.length > 0) return `政府信息公开栏目在其他网站（${section.offsiteHosts.join('、')}），未读取`;
  if (!section.read && crawl.state !== 'complete')
    return `抓取未完成（${crawl.reason ?? crawl.state}），且未读到政府信息公开栏目页，未见${what}不等于未发布`;
  return null;
}

/** The site's 政府信息公开 section as its names show it; null when nothing is named so. */
export function disclosureSection(names: Named[], siteUrl: string, sectionText: RegExp): Section | null {
  const own = hostOf(siteUrl);
  // A column or a link named so, short as a menu entry: an item's title (关于做好政务公开工作的通知) is news, not a section.
  const hits = names.filter((n) => n.kind !== 'item' && n.text.length <= 20 && sectionText.test(n.text));
  if (hits.length === 0) return null;
  const offsite = new Set<string>();
  for (const h of hits) {
    const host = hostOf(h.url);
    if (host && own && host !== own) offsite.add(host);
  }
  const read = hits.some((h) => h.kind === 'column' && h.list !== null && h.list.state !== 'unreadable');
  return { names: [...new Set(hits.map((h) => h.text))].slice(0, 5), read, offsiteHosts: [...offsite] };
}
