// What an outbound link's site shows now: the gist a person would read (title, description, the first
// words of the page) and whether it is a domain-parking page: a domain for sale (域名出售, "this domain is
// for sale"), parked with a parking service (Sedo, Bodis, GoDaddy's lander…), or a registrar's notice that
// the domain expired. Such a page is no longer the site the government page meant to link to.
// Wording counts only where a person reads it as the page's own message (its title, a top heading, or a
// page that says little else), as in soft-404.ts: a news story saying that some domain is for sale is
// not a parking page. Whether the gist names gambling, porn or fraud is the rule's to judge, with the
// lexicon the edition loads.
import type { Element } from 'domhandler';
import { decodeHtml } from './decode.js';
import { parsePage } from './document.js';
import { descendants, textOf } from './dom.js';

export type ParkedKind = 'for-sale' | 'parked' | 'expired';

export interface Parked {
  kind: ParkedKind;
  /** What gave it away, as the page has it (the words, the service's address), for the evidence. */
  marker: string;
  /** Where: the title, a heading, a short page's text, its markup, or where it redirected to. */
  where: 'title' | 'heading' | 'page' | 'markup' | 'redirect';
}

export interface TargetPage {
  title: string | null;
  /** The meta description and keywords. */
  description: string | null;
  /** The page's first visible words. */
  text: string;
  parked: Parked | null;
}

/** Visible characters at most for a page whose body text alone may carry the wording. */
const SHORT_PAGE = 1500;
const TEXT_KEPT = 1000;
const DESCRIPTION_KEPT = 300;

// "This domain …": said of the page's own domain, so it may stand in a title or heading of any page.
const OWN_DOMAIN: [ParkedKind, RegExp][] = [
  ['for-sale', /\b(?:this|the) domain(?: name)?(?: [\w.-]+)? (?:is|may be|might be|could be) for sale\b/i],
  ['for-sale', /\b[a-z0-9-]+(?:\.[a-z0-9-]+)+ (?:is|may be) for sale\b/i],
  ['for-sale', /\b(?:buy|purchase|get|make an offer on) this domain\b/i],
  ['for-sale', /(?:该|此|本)域名(?:正在|已|现已?|可以?|诚意|低价)?(?:出售|转让|待售|寻求合作)/],
  ['for-sale', /(?:出售|转让|购买|收购)(?:此|该|本)域名/],
  ['parked', /\bparked (?:for )?free,? courtesy of\b/i],
  ['parked', /\bthis (?:web ?page|domain(?: name)?) (?:is|has been) parked\b/i],
  ['parked', /(?:该|此|本)域名(?:已被?)?停放/],
  ['expired', /\b(?:this|the) domain(?: name)?(?: [\w.-]+)? (?:has )?expired\b/i],
  ['expired', /(?:该|此|本)域名已(?:经)?(?:过期|到期|被?暂停解析)/],
];
// Wording that could be said of any domain: only a page that says little else is taken at its word.
const ANY_DOMAIN: [ParkedKind, RegExp][] = [
  ['for-sale', /\bdomain (?:name )?for sale\b/i],
  ['for-sale', /域名(?:正在)?(?:出售|转让|待售)|域名(?:交易|出售|转让)(?:请)?联系/],
  ['parked', /\bdomain parking\b|域名停放/i],
  ['expired', /\bdomain (?:name )?(?:has )?expired\b|域名(?:已)?(?:过期|到期)(?:未续费)?|域名(?:已)?被?暂停解析/i],
];

// Parking services and domain marketplaces, as they appear in a lander's scripts, frames or redirects.
const SERVICES: [ParkedKind, RegExp][] = [
  [
    'parked',
    /sedoparking\.com|parkingcrew\.net|bodis\.com|dsparking\.com|parklogic\.com|img1\.wsimg\.com\/parking-lander|parking\.(?:above|namecheap)\.com|parkingpage\.namecheap\.com|cashparking\.com|domainsponsor\.com|skenzo\.com/i,
  ],
  [
    'for-sale',
    /\bdan\.com\/|afternic\.com\/forsale|hugedomains\.com|undeveloped\.com|domainmarket\.com|sedo\.com\/(?:search\/details|checkdomainoffer)|godaddy\.com\/(?:forsale|domainsearch\/find)|(?:www\.)?4\.cn\/|juming\.com\/|(?:domain\.)?ename\.(?:com|cn)\/|22\.cn\/|jm\.cn\//i,
  ],
];
// Hosts a redirect may land on: the marketplace itself (a taken-over domain's own host is judged by its content).
const MARKET_HOSTS =
  /(?:^|\.)(?:sedo\.com|dan\.com|afternic\.com|hugedomains\.com|undeveloped\.com|domainmarket\.com|4\.cn|juming\.com|ename\.com|ename\.cn|22\.cn|jm\.cn|sedoparking\.com|parkingcrew\.net|bodis\.com)$/i;

/** What a link target's page shows: bytes as served, the address the request ended at (after redirects). */
export function readTargetPage(bytes: Buffer, contentType: string | null, finalUrl: string): TargetPage {
  const html = decodeHtml(bytes, contentType).text;
  const page = parsePage(html);
  const meta = (name: string) => page.metas.find((m) => m.name.toLowerCase() === name)?.content.trim() || null;
  const description = [meta('description'), meta('keywords')].filter(Boolean).join(' ').slice(0, DESCRIPTION_KEPT) || null;
  const text = page.root ? textOf(page.root) : '';
  return {
    title: page.title?.slice(0, 200) ?? null,
    description,
    text: text.slice(0, TEXT_KEPT),
    parked: parkedBy(page.title, page.root, text, markupAddresses(page, html), finalUrl),
  };
}

function parkedBy(title: string | null, root: Element | null, text: string, addresses: string[], finalUrl: string): Parked | null {
  const host = hostOf(finalUrl);
  if (host && MARKET_HOSTS.test(host)) return { kind: 'for-sale', marker: host, where: 'redirect' };
  const headings = root
    ? descendants(root)
        .filter((el) => /^h[1-3]$/.test(el.name))
        .slice(0, 3)
        .map(textOf)
    : [];
  const found = (patterns: [ParkedKind, RegExp][], place: string, where: Parked['where']): Parked | null => {
    for (const [kind, re] of patterns) {
      const m = re.exec(place);
      if (m) return { kind, marker: m[0], where };
    }
    return null;
  };
  const short = text.replace(/\s/g, '').length <= SHORT_PAGE;
  // Wording of any domain is read outside links: a registrar's 域名转让 menu item is no notice.
  const said = () => `${title ?? ''} ${root ? textOutsideLinks(root) : ''}`;
  return (
    (title ? found(OWN_DOMAIN, title, 'title') : null) ??
    headings.map((h) => found(OWN_DOMAIN, h, 'heading')).find(Boolean) ??
    (short ? (found(OWN_DOMAIN, text, 'page') ?? found(ANY_DOMAIN, said(), 'page')) : null) ??
    addresses.map((a) => found(SERVICES, a, 'markup')).find(Boolean) ??
    null
  );
}

/**
 * Addresses a lander loads or sends the reader to: script and frame sources, form actions, a meta
 * refresh, locations set by inline script, and links to a marketplace's sale page. Not ordinary links:
 * a site thanking its host in the footer is not parked.
 */
function markupAddresses(page: ReturnType<typeof parsePage>, html: string): string[] {
  const out = page.scripts.flatMap((s) => [
    s.src ?? '',
    ...[...s.text.matchAll(/location(?:\.href)?\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!),
  ]);
  // <meta http-equiv="refresh" content="0;url=…">: parsePage keeps named metas only.
  for (const m of html.matchAll(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>/gi))
    out.push(/content\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1] ?? '');
  for (const el of page.root ? descendants(page.root) : []) {
    if (el.name === 'iframe' || el.name === 'frame') out.push(el.attribs.src ?? '');
    else if (el.name === 'form') out.push(el.attribs.action ?? '');
    else if (
      el.name === 'a' &&
      /dan\.com\/buy-domain|afternic\.com\/forsale|sedo\.com\/search\/details|hugedomains\.com\/domain_profile/i.test(el.attribs.href ?? '')
    )
      out.push(el.attribs.href!);
  }
  return out.filter(Boolean);
}

function textOutsideLinks(el: Element): string {
  let s = '';
  for (const k of el.children) {
    if (k.type === 'text') s += (k as unknown as { data: string }).data;
    else if (k.type === 'tag' && (k as Element).name !== 'a') s += ` ${textOutsideLinks(k as Element)} `;
  }
  return s.replace(/[\s\u00a0\u3000]+/g, ' ');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
