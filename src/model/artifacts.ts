// The artifacts: what gather and extract found on one site, as the store hands them to the rules.
// The contract between the stages before judging and the rules; nothing here is computed.
import type { Day } from './day.js';
import type { Site } from './site.js';

/**
 * Why a probe failed. `blocked`: a firewall (or the address guard) stopped the checker; `vantage`: the
 * checker's own network failed at the time (vantage.ts). Neither says anything about the site.
 */
export type ProbeFailure =
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'timeout'
  | 'http-5xx'
  | 'http-4xx'
  | 'empty'
  | 'blocked'
  | 'vantage'
  | 'other';

/** A failure that says nothing about the site: the checker was stopped, or its own network failed. */
export function isCheckerFailure(f: ProbeFailure | null | undefined): boolean {
  return f === 'blocked' || f === 'vantage';
}

export interface ProbeArtifact {
  /** ISO instant the probe started. */
  startedAt: string;
  ok: boolean;
  status: number | null;
  ms: number | null;
  failure: ProbeFailure | null;
  error: string | null;
  /** Where the registered URL led after redirects (null: no response). Absent on probes stored before it was kept. */
  finalUrl?: string | null;
  /** Hash of the homepage's item list as this probe read it (null: no list read). */
  itemsHash?: string | null;
  /** The dates the homepage's items showed, YYYY-MM-DD, newest first. */
  itemDates?: Day[] | null;
  /** Where the probe was taken from; null or absent for probes stored before it was kept. */
  vantage?: string | null;
}

export interface ItemArtifact {
  title: string;
  url: string | null;
  /** The date exactly as the page shows it, e.g. `[11-20]`. */
  dateText: string | null;
  /** Resolved calendar day, or null when the item shows no date. */
  date: Day | null;
  /**
   * Where `date` was read: the list itself, or (for a list that shows no dates) the item's own page.
   * Absent: the list, as stored by the crawl.
   */
  dateFrom?: 'list' | 'article';
  /** The item's own page was read at judging time (whether or not it shows a date). Absent: not read. */
  articleRead?: boolean;
}

/** How a list (a column page, or a block on the homepage) read. */
export type ListState =
  | 'items' // a list with at least one item
  | 'empty' // positive evidence of emptiness: a 暂无信息 placeholder, an empty list container, a page of only a title
  | 'container' // a parent column whose page only leads to its sub-columns
  | 'page' // a single page of content (机构职能, 领导简介): not a list, not empty
  | 'unreadable'; // fetched but not read with confidence (script-built list, fetch error, unknown layout)

export interface ListArtifact {
  kind: 'column' | 'homepage-block';
  name: string;
  /** For a column, its list page; for a homepage block, the homepage. */
  url: string;
  /** Column depth in the site's tree: 1 = first-level (栏目 in the main navigation). Null when unknown. */
  level: number | null;
  /** How the list was found: nav, more-link, submenu, homepage. */
  source: string;
  state: ListState;
  /** Why empty / unreadable, as a person would say it (the placeholder text seen, the fetch error…). */
  stateReason: string | null;
  /** Items newest first as the page lists them, over every list page read. */
  items: ItemArtifact[];
  pagesRead: number;
  /** The column's 更多 target when this is a homepage block. */
  moreUrl: string | null;
}

export type CrawlState = 'complete' | 'partial' | 'failed' | 'not-crawled';

export interface HomepageArtifact {
  url: string;
  finalUrl: string;
  status: number | null;
  fetchedAt: string;
  /** True when the homepage was fetched and decoded, whatever it contains. */
  readable: boolean;
  error: string | null;
}

/** A link found on a crawled page, with the check's status for its target (null: never checked). */
export interface LinkArtifact {
  pageUrl: string;
  onHomepage: boolean;
  target: string;
  tag: string;
  text: string | null;
  /** `blocked`: a firewall or the address guard stopped the check; `vantage`: the checker's own network failed. */
  status: 'ok' | 'broken' | 'suspect' | 'excluded' | 'blocked' | 'vantage' | null;
  http: number | null;
  error: string | null;
  attempts: number;
  /** What the link checker saw of the target's host (outbound hosts only); absent when it saw nothing. */
  host?: LinkHostArtifact;
}

/** What the link checker saw of an outbound link's host, once per check. */
export interface LinkHostArtifact {
  /** host[:port] as in the link. */
  host: string;
  /** The registrable domain does not exist (NXDOMAIN) while the zone it is registered in answers. */
  lapsed: { domain: string; zone: string } | null;
  /** The host's homepage as read now; null when it was not read. */
  site: {
    url: string;
    finalUrl: string;
    status: number;
    title: string | null;
    description: string | null;
    /** Its first visible words. */
    text: string;
    /** A domain-parking, sale or expiry page, and what gave it away. */
    parked: { kind: 'for-sale' | 'parked' | 'expired'; marker: string; where: string } | null;
  } | null;
}

/** A site's readable text, read from the stored pages at judging time. */
export interface TextArtifact {
  /** Each page's own text blocks: what the site's template repeats on many pages is in `shared`. */
  pages: { url: string; kind: 'homepage' | 'column' | 'article'; blocks: string[] }[];
  /** The template's text (menus, footer, sidebar), read once for the site, with the first page it was seen on. */
  shared: { url: string; blocks: string[] };
}

/** An article page: what the State Council check matches a reference document against. */
export interface ArticleArtifact {
  url: string;
  /** The headline as the page shows it; null when the page does not make it clear. */
  title: string | null;
  /** The 发布时间 the page shows. */
  published: Day | null;
  /** No date was read, but the markup holds one beside a date label: not proof that the page shows none. */
  dateUnread?: boolean;
  /** 发文字号 written on the page (国发〔2026〕5号), normalised. */
  docNumbers: string[];
}

/** The footer identity items as printed (not validated): 网站标识码 as written after its label, whatever its form. */
export interface Identity {
  siteCode: string | null;
  icp: string | null;
  police: string | null;
}

/** The homepage's footer identity. */
export interface IdentityArtifact extends Identity {
  url: string;
  /**
   * Where the footer was read: the page itself, a footer script or fragment it includes (`footerUrl`), or
   * `unread`: the page shows no item and its footer include could not be read (`footerReason`).
   * Absent on readings made before it was kept: the page.
   */
  footer?: 'page' | 'include' | 'unread';
  footerUrl?: string | null;
  footerReason?: string | null;
}

/** A link hidden from people on a crawled page, or written into it by a script (an 暗链 candidate). */
export interface HiddenLinkArtifact {
  pageUrl: string;
  target: string;
  text: string | null;
  title: string | null;
  /** How it is hidden, as a person would check it. */
  how: string;
  /** The link's markup as served, cut short. */
  markup: string;
}

/** One letter on a board as its list showed it, completed from its own page when that was read. */
export interface MessageArtifact {
  title: string;
  url: string | null;
  askedOn: Day | null;
  repliedOn: Day | null;
  /** The status word as shown (已回复, 办理中…), from the letter's page when the list showed none. */
  status: string | null;
  /** The letter's own page was read. */
  detailRead: boolean;
}

/**
 * How an interaction channel was read: `read` (its list of letters), `empty` (the board says it has
 * none), `entry` (a way in such as 我要写信, not a list), `unreadable` (fetched, no letters found with
 * confidence, or the fetch failed), `offsite` (another host: it exists, it is not read), `not-read`
 * (a kind that is not read as a board: 信访, 访谈, a 互动交流 section read as a column…).
 */
export type ChannelState = 'read' | 'empty' | 'entry' | 'unreadable' | 'offsite' | 'not-read';

/** An interaction channel (在线咨询, 市长信箱, 网上信访…) linked from a crawled page. */
export interface ChannelArtifact {
  /** As the link names it, or the column's name when a column turned out to be a board. */
  name: string;
  url: string;
  /** The page that links to it. */
  foundOn: string;
  offsite: boolean;
  state: ChannelState;
  reason: string | null;
  /** HTTP status of its first page, when it was fetched. */
  httpStatus: number | null;
  pagesRead: number;
  /** Its list was read back past the start of the 12-month window, or to its last page. */
  covered: boolean;
  /** The board's own words saying it publishes only answered letters. */
  answeredOnly: string | null;
  messages: MessageArtifact[];
}

/** The certificate the homepage host presented in its TLS handshake, as read (not trusted) by the checker. */
export interface CertificateArtifact {
  /** Subject common name, and the DNS names of its subjectAltName. */
  subject: string | null;
  names: string[];
  issuer: string | null;
  /** ISO instants. */
  validFrom: string;
  validTo: string;
  /** The certificate names the host (RFC 6125, as node:tls checks it). */
  nameMatches: boolean;
  /** The handshake verified it: a chain to a trusted root, in its validity period, for the host. */
  authorized: boolean;
  /** Why not, as OpenSSL or node:tls names it (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED…). */
  authorizationError: string | null;
}

/** One request of the HTTPS check, followed through its redirects: where it ended, or why it failed. */
export interface HttpsRequestArtifact {
  url: string;
  status: number | null;
  finalUrl: string | null;
  failure: ProbeFailure | null;
  error: string | null;
}

/** The homepage host measured once per check: https://host/, http://host/ and the certificate. */
export interface HttpsArtifact {
  host: string;
  checkedAt: string;
  https: HttpsRequestArtifact;
  http: HttpsRequestArtifact;
  /** Null when no TLS handshake completed (see `tlsError`). */
  certificate: CertificateArtifact | null;
  tlsFailure: ProbeFailure | null;
  tlsError: string | null;
}

/** One GET over IPv6 only, followed through its redirects: where it ended, or why it failed. */
export interface Ipv6RequestArtifact {
  url: string;
  status: number | null;
  finalUrl: string | null;
  failure: ProbeFailure | null;
  error: string | null;
}

/**
 * A host of the site's own domain, other than the homepage's, that the homepage (level 2: 二级链接) or a
 * column page (level 3: 三级链接) links to, with its IPv6 as measured.
 */
export interface Ipv6LinkHostArtifact {
  host: string;
  /** 2: linked from the homepage; 3: only from column pages. */
  level: 2 | 3;
  /** Links to it on those pages. */
  links: number;
  /** Its IPv6 addresses (AAAA); empty when it has none. */
  aaaa: string[];
  /** Why its name could not be looked up; null when it answered. */
  dnsError: string | null;
  /** One of its linked URLs fetched over IPv6; null when it has no AAAA. */
  fetch: Ipv6RequestArtifact | null;
}

/** The homepage host's IPv6, measured once per check: its AAAA, the homepage over IPv6, its link hosts. */
export interface Ipv6Artifact {
  host: string;
  checkedAt: string;
  /** Why the checker had no IPv6 route when it measured (then nothing else was measured); null when it had one. */
  noRoute: string | null;
  /** The homepage host's IPv6 addresses (AAAA); empty when it has none. */
  aaaa: string[];
  /** Why the homepage host's name could not be looked up; null when it answered. */
  dnsError: string | null;
  /** The registered URL fetched over IPv6; null when the host has no AAAA (or no route). */
  homepage: Ipv6RequestArtifact | null;
  linkHosts: Ipv6LinkHostArtifact[];
  /** Link hosts past the cap, not measured. */
  linkHostsOmitted: number;
}

/** The kinds of attachment read for personal data: by the file's contents, not its name. */
export type AttachmentFormat = 'xlsx' | 'xls' | 'csv' | 'docx' | 'doc' | 'pdf' | 'wps' | 'et';

/** A row of an attachment's text as the file holds it: a sheet's row, a table's row, a paragraph, a PDF line. */
export interface AttachmentRow {
  /** The sheet's name, 表N for a Word table, 第N页 for a PDF page; null for a CSV or a document's paragraphs. */
  part: string | null;
  /** The row's number within its part, as a person counts it (a sheet's row number, from 1). */
  row: number;
  cells: string[];
}

/** An attachment of the site's own, linked from a crawled page, fetched once per check. */
export interface AttachmentArtifact {
  url: string;
  /** The page that links to it, and the link's text. */
  foundOn: string;
  linkText: string | null;
  /** What the file is; null when it was not fetched or is none of the kinds read. */
  format: AttachmentFormat | null;
  /** `read`: its text is in `rows` (`reason` says when only a part was read); `not-read`: `reason` says why. */
  state: 'read' | 'not-read';
  reason: string | null;
  bytes: number | null;
  rows: AttachmentRow[];
}

/** The attachments linked from a site's crawled pages: those read, and how many the per-site cap left out. */
export interface AttachmentsArtifact {
  /** Distinct attachment links of the site's own found on the crawled pages. */
  found: number;
  /** Links past the per-site cap, not fetched. */
  omitted: number;
  files: AttachmentArtifact[];
}

/** A link or button on the homepage that runs a script instead of leading to an address (无障碍, 长者模式 toggles). */
export interface ScriptControlArtifact {
  /** What a person reads on it: its text, its image's alt, its title. */
  text: string;
  /** Its id, class and onclick, as written: what names a toolbar when the text does not. */
  hint: string;
}

/** A search form on the homepage, as its markup says it submits. */
export interface SearchFormArtifact {
  /** Where it submits, resolved; null when it has no usable action (submitted by script). */
  action: string | null;
  method: 'get' | 'post';
  /** The field a person types the words into. */
  textField: string | null;
  /** The other fields it sends as they are (hidden channel ids and the like). */
  hidden: { name: string; value: string }[];
  /** It asks for a verification code (验证码). */
  captcha: boolean;
  /** An onsubmit handler or a javascript: action decides what is sent. */
  scripted: boolean;
}

/** What the homepage offers a visitor beyond its links, read again from its stored body at judging time. */
export interface HomepageFeaturesArtifact {
  url: string;
  /** The `<meta name="viewport">` content; null when the homepage declares none. */
  viewport: string | null;
  controls: ScriptControlArtifact[];
  forms: SearchFormArtifact[];
}

/** A 规范性文件 list and the validity marks (有效, 失效, 废止, 有效期…) its stored pages show, read at judging time. */
export interface ValidityListArtifact {
  name: string;
  url: string;
  state: ListState;
  /** Marks printed on the list's own page beside its entries, as written (a few). */
  listMarks: string[];
  /** The list's documents whose own pages the crawl stored (it opens each column's first), with their marks. */
  documents: { title: string; url: string; marks: string[] }[];
}

/** The homepage rendered in Chromium at a phone's width, once per check: whether a person must scroll sideways. */
export interface MobileRenderArtifact {
  url: string;
  checkedAt: string;
  /** Where the page ended (a site may send a narrow screen to its mobile version). */
  finalUrl: string | null;
  /** The viewport's width in CSS pixels (375: a common phone). */
  width: number;
  /** The document's width as laid out at that viewport; null when it was not rendered. */
  scrollWidth: number | null;
  /** Why it was not rendered (rendering off, no browser, a timeout, the page refused); null when it was. */
  error: string | null;
  /** The failure was the checker's (its browser missing, rendering off, a firewall, the address guard), not the site's. */
  notTheSite: boolean;
}

/** Why the search was not tried: the homepage offers nothing a checker may submit. */
export type SearchSkip = 'no-search' | 'post' | 'captcha' | 'script' | 'no-title';

/** The site's own search tried once per check with the title of an item the crawl saw. */
export interface SearchCheckArtifact {
  checkedAt: string;
  /** The form used: where it submits and the field typed into. */
  form: { action: string; field: string } | null;
  /** Why it was not tried; null when it was. */
  skipped: SearchSkip | null;
  /** What was seen instead (a POST form's action, the 验证码 field, the script). */
  skippedDetail: string | null;
  /** The words searched for: a recent item's title, and the page it is on. */
  query: string | null;
  queryFrom: string | null;
  /** The results page: its address, status, and why it failed when it did. */
  resultUrl: string | null;
  status: number | null;
  failure: ProbeFailure | null;
  error: string | null;
  /** The title was among the results' links: in the page as served, or once rendered; null when not read. */
  found: boolean | null;
  /** `typed`: a search submitted only by script, typed into the homepage in Chromium as a person would. */
  readAs: 'served' | 'rendered' | 'typed' | null;
  /** The results page showed no results by itself and could not be rendered (rendering off). */
  needsRender: boolean;
}

export interface SiteArtifacts {
  site: Site;
  probes: ProbeArtifact[];
  crawl: { state: CrawlState; reason: string | null; pagesFetched: number };
  homepage: HomepageArtifact | null;
  /** Homepage blocks and columns. */
  lists: ListArtifact[];
  links: LinkArtifact[];
  texts: TextArtifact;
  articles: ArticleArtifact[];
  identity: IdentityArtifact | null;
  /** Hidden and script-written links, read from the stored pages at judging time. */
  hiddenLinks: HiddenLinkArtifact[];
  /** Interaction channels and the boards read behind them. */
  channels: ChannelArtifact[];
  /** The homepage host's HTTPS, redirect and certificate, measured once per check; null when not measured. */
  https: HttpsArtifact | null;
  /** The homepage host's IPv6 and its link hosts', measured once per check; null when not measured. */
  ipv6: Ipv6Artifact | null;
  /** Attachments (xlsx, xls, csv, docx, doc, pdf, wps, et) linked from the crawled pages, with their text; null when not fetched. */
  attachments: AttachmentsArtifact | null;
  /** The homepage's viewport, script-driven controls and search forms, read from its stored body; null when not read. */
  homepageFeatures: HomepageFeaturesArtifact | null;
  /** The site's 规范性文件 lists with the validity marks of their pages, read from the stored pages. */
  documentValidity: ValidityListArtifact[];
  /** The homepage at a phone's width, measured once per check; null when not measured. */
  mobile: MobileRenderArtifact | null;
  /** The site search tried once per check; null when not tried. */
  search: SearchCheckArtifact | null;
}

export type ArtifactName = Exclude<keyof SiteArtifacts, 'site'>;
