// Which attachments of a site are fetched: links on its crawled pages whose address names an xlsx, xls,
// csv, docx, doc, pdf, wps or et file on the site's own hosts (the registered host, or the domain it
// is under: www.x.gov.cn → x.gov.cn, file.x.gov.cn). Another site's file is that site's to answer for.
// Up to a cap per site, the links most likely to be lists of people first: their text or address says
// 公示, 名单, 名册, 补贴, 低保, 录取 or 拟 (拟录用, 拟表彰).
import { isIP } from 'node:net';
import type { AttachmentFormat } from '../../model/artifacts.js';
import { linkedFormat } from '../../extract/attachment/format.js';

export interface AttachmentLink {
  url: string;
  format: AttachmentFormat;
  foundOn: string;
  linkText: string | null;
}

const LIST_OF_PEOPLE = /公示|名单|名册|花名册|补贴|补助|低保|救助|录取|录用|拟/;

export function attachmentLinks(
  siteUrl: string,
  links: readonly { pageUrl: string; target: string; text: string | null }[],
  maxPerSite: number,
): { chosen: AttachmentLink[]; found: number } {
  const site = new URL(siteUrl);
  const byUrl = new Map<string, AttachmentLink & { likely: boolean; order: number }>();
  for (const l of links) {
    const format = linkedFormat(l.target);
    if (!format || !ownHost(l.target, site)) continue;
    const likely = LIST_OF_PEOPLE.test(`${l.text ?? ''} ${safeDecode(l.target)}`);
    const seen = byUrl.get(l.target);
    // One entry per file: the link that best says what it is.
    if (seen && (seen.likely || !likely)) continue;
    byUrl.set(l.target, { url: l.target, format, foundOn: l.pageUrl, linkText: l.text, likely, order: seen?.order ?? byUrl.size });
  }
  const all = [...byUrl.values()].sort((a, b) => Number(b.likely) - Number(a.likely) || a.order - b.order);
  return {
    chosen: all.slice(0, maxPerSite).map(({ url, format, foundOn, linkText }) => ({ url, format, foundOn, linkText })),
    found: all.length,
  };
}

function ownHost(target: string, site: URL): boolean {
  let t: URL;
  try {
    t = new URL(target);
  } catch {
    return false;
  }
  if (t.protocol !== 'http:' && t.protocol !== 'https:') return false;
  if (t.host === site.host) return true;
  // An address has no domain to be under: only the very host (and port) is the site's.
  if (isIP(site.hostname.replace(/^\[|\]$/g, ''))) return false;
  const domain = site.hostname.toLowerCase().replace(/^www\./, '');
  const h = t.hostname.toLowerCase();
  return h === domain || h.endsWith(`.${domain}`);
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
