// The one database schema. SQLite by default; every table keyed so that a re-run upserts, never duplicates.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ManualProvenance } from '../model/finding.js';

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  sponsor: text('sponsor'),
  level: text('level'),
  region: text('region'),
  parentId: text('parent_id'),
  status: text('status').notNull(),
  /** auto | never | always: overrides the crawl's --render for this site. */
  render: text('render'),
  sourceFile: text('source_file'),
  updatedAt: text('updated_at').notNull(),
});

/** A check (检查批次): one quarter at one tier, judged against one edition as of `at`. */
export const checks = sqliteTable(
  'checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quarter: text('quarter').notNull(),
    tier: text('tier').notNull(),
    edition: text('edition').notNull(),
    at: text('at').notNull(),
    createdAt: text('created_at').notNull(),
    /** How the sample was drawn (`choucha sample`); null = every running site, kept up to date. */
    sample: text('sample', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('checks_quarter_tier').on(t.quarter, t.tier)],
);

/** The check's sample, with each site's crawl progress so an interrupted crawl resumes per site. */
export const checkSites = sqliteTable(
  'check_sites',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    crawlState: text('crawl_state').notNull().default('not-crawled'),
    crawlReason: text('crawl_reason'),
    pagesFetched: integer('pages_fetched').notNull().default(0),
    crawledAt: text('crawled_at'),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

export const probes = sqliteTable(
  'probes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    url: text('url').notNull(),
    startedAt: text('started_at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    status: integer('status'),
    ms: integer('ms'),
    bytes: integer('bytes'),
    failure: text('failure'),
    error: text('error'),
    /** Timing breakdown of the first hop (the registered host); null when that phase did not happen. */
    dnsMs: integer('dns_ms'),
    connectMs: integer('connect_ms'),
    tlsMs: integer('tls_ms'),
    firstByteMs: integer('first_byte_ms'),
    /** Where the registered URL led after redirects: registry-mismatch compares it with the registered host. */
    finalUrl: text('final_url'),
    /** Hash of the homepage's item list (titles and shown dates), null when no list was read. */
    itemsHash: text('items_hash'),
    /** The dates the homepage showed, newest first, as a JSON array of YYYY-MM-DD. */
    itemDates: text('item_dates'),
    /** Where the probe was taken from (--vantage, default the machine's host name); null before it was kept. */
    vantage: text('vantage'),
  },
  (t) => [index('probes_site_time').on(t.siteId, t.startedAt)],
);

/**
 * The monitoring plan: each site's probe times, fixed in advance from a seed so that a restarted
 * watcher carries on with the same plan, and a probe that was due while it was down is taken late, once.
 */
export const probePlan = sqliteTable(
  'probe_plan',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    dueAt: text('due_at').notNull(),
    /** Set when the probe was taken (or given up as too late). */
    doneAt: text('done_at'),
    probeId: integer('probe_id'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.dueAt] }), index('probe_plan_due').on(t.doneAt, t.dueAt)],
);

/** Every homepage item ever seen by a probe, with when it was first seen: real update times, whatever the page prints. */
export const homepageItems = sqliteTable(
  'homepage_items',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    /** Hash of the item's title and link. */
    itemKey: text('item_key').notNull(),
    title: text('title').notNull(),
    dateText: text('date_text'),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.itemKey] })],
);

export const pages = sqliteTable(
  'pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    url: text('url').notNull(),
    finalUrl: text('final_url'),
    kind: text('kind').notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    encoding: text('encoding'),
    fetchedAt: text('fetched_at').notNull(),
    contentHash: text('content_hash'),
    /** gzip of the raw bytes as served (or, when rendered, of the DOM as Chromium left it). */
    body: blob('body', { mode: 'buffer' }),
    error: text('error'),
    /** The page as Chromium rendered it, stored beside the raw fetch of the same URL. */
    rendered: integer('rendered', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('pages_check_url_rendered').on(t.checkId, t.url, t.rendered), index('pages_check_site').on(t.checkId, t.siteId)],
);

/** Screenshots taken as evidence: every checked homepage, every page behind a veto, and pages with their hidden links shown. */
export const evidence = sqliteTable(
  'evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    url: text('url').notNull(),
    /** Path of the PNG relative to the evidence folder. */
    path: text('path'),
    capturedAt: text('captured_at').notNull(),
    width: integer('width'),
    height: integer('height'),
    error: text('error'),
    /** page: as served; hidden-links: the page's hidden links shown and outlined before the shot. */
    kind: text('kind').notNull().default('page'),
    /** What was done to the page before the shot, for the report; null for a page as served. */
    note: text('note'),
  },
  (t) => [uniqueIndex('evidence_check_url_kind').on(t.checkId, t.url, t.kind)],
);

/** Columns (栏目) and homepage blocks, as extracted from the pages above. */
export const lists = sqliteTable(
  'lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    kind: text('kind').notNull(),
    /** Column list page; homepage URL + `#block-N` for a homepage block. */
    key: text('key').notNull(),
    url: text('url').notNull(),
    name: text('name').notNull(),
    level: integer('level'),
    source: text('source').notNull(),
    state: text('state').notNull(),
    stateReason: text('state_reason'),
    pagesRead: integer('pages_read').notNull().default(0),
    moreUrl: text('more_url'),
  },
  (t) => [uniqueIndex('lists_check_site_key').on(t.checkId, t.siteId, t.key)],
);

export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    dateText: text('date_text'),
    date: text('date'),
  },
  (t) => [index('items_list').on(t.listId)],
);

export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    rule: text('rule').notNull(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    points: real('points').notNull().default(0),
    url: text('url'),
    message: text('message').notNull(),
    evidence: text('evidence', { mode: 'json' }).notNull(),
    /** The ignore-list entry that took this finding out of the verdict (reason, by, until), or null. */
    ignored: text('ignored', { mode: 'json' }).$type<{ reason: string; by: string; until: string | null; kind: string; points: number }>(),
    /** checker: a rule found it; manual: a person's finding imported with `choucha findings import` (人工). */
    source: text('source').notNull().default('checker'),
    /** A manual finding's file, row, inspector, day and screenshot (ManualProvenance); null for a rule's own. */
    provenance: text('provenance', { mode: 'json' }).$type<ManualProvenance>(),
  },
  (t) => [index('findings_check_site').on(t.checkId, t.siteId)],
);

export const verdicts = sqliteTable(
  'verdicts',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    verdict: text('verdict').notNull(),
    score: real('score'),
    vetoes: text('vetoes', { mode: 'json' }).notNull().$type<string[]>(),
    notChecked: text('not_checked', { mode: 'json' }).notNull().$type<{ rule: string; reason: string }[]>(),
    notCheckedReason: text('not_checked_reason'),
    judgedAt: text('judged_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

/**
 * The links found on one crawled page (a, img, script, stylesheet, frame, attachments), one row per page:
 * `links` is JSON, `[[target, tag, text], ...]`, each target once, in page order. A row per link repeated
 * the page's address and the site's key on every one of them, and storing them one by one (with an index
 * over the page and the long target) was the crawl's largest write; government pages carry 100-300 links.
 */
export const pageLinks = sqliteTable(
  'page_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    pageUrl: text('page_url').notNull(),
    onHomepage: integer('on_homepage', { mode: 'boolean' }).notNull(),
    links: text('links').notNull(),
  },
  (t) => [uniqueIndex('page_links_check_site_page').on(t.checkId, t.siteId, t.pageUrl)],
);

/** One status per distinct link target per check: the cache every site shares. */
export const linkChecks = sqliteTable(
  'link_checks',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    target: text('target').notNull(),
    /** ok | broken | suspect | excluded | blocked */
    status: text('status').notNull(),
    http: integer('http'),
    error: text('error'),
    attempts: integer('attempts').notNull(),
    checkedAt: text('checked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.target] })],
);

/**
 * What the link checker saw of an outbound link's host, once per check (all sites share it): its
 * domain gone (NXDOMAIN while the zone it is registered in answers), or what its homepage shows now.
 */
export const linkHosts = sqliteTable(
  'link_hosts',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    /** host[:port], as in the link's URL. */
    host: text('host').notNull(),
    checkedAt: text('checked_at').notNull(),
    /** { domain, zone, zoneServers } when the registrable domain does not exist; null otherwise. */
    lapsed: text('lapsed', { mode: 'json' }),
    /** { url, finalUrl, status, title, description, text, parked } of the homepage as read; null when not read. */
    site: text('site', { mode: 'json' }),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.host] })],
);

/** Interaction channels linked from crawled pages, with what reading each as a message board gave. */
export const channels = sqliteTable(
  'channels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    foundOn: text('found_on').notNull(),
    offsite: integer('offsite', { mode: 'boolean' }).notNull(),
    /** read | empty | entry | unreadable | offsite | not-read */
    state: text('state').notNull(),
    reason: text('reason'),
    httpStatus: integer('http_status'),
    pagesRead: integer('pages_read').notNull().default(0),
    covered: integer('covered', { mode: 'boolean' }).notNull().default(false),
    answeredOnly: text('answered_only'),
  },
  (t) => [uniqueIndex('channels_check_site_key').on(t.checkId, t.siteId, t.key)],
);

/** Letters read on a board, in the board's order. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    askedOn: text('asked_on'),
    repliedOn: text('replied_on'),
    status: text('status'),
    detailRead: integer('detail_read', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('messages_channel').on(t.channelId)],
);

/** A lower tier's verdicts imported into a higher tier's check (梯次抽查), to be compared site by site. */
export const lowerVerdicts = sqliteTable(
  'lower_verdicts',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id').notNull(),
    tier: text('tier').notNull(),
    quarter: text('quarter').notNull(),
    source: text('source').notNull(),
    verdict: text('verdict').notNull(),
    /** The lower tier's findings as report.json gave them: rule, code, url, message, fingerprint. */
    findings: text('findings', { mode: 'json' })
      .notNull()
      .$type<{ rule: string; code: string; url: string | null; message: string; fingerprint: string }[]>(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

/**
 * The homepage host's HTTPS, measured once per check and site: https://host/ and http://host/ followed
 * through their redirects, and the certificate its TLS handshake presented (JSON, CertificateArtifact).
 * A row is the site measured: a resumed run does not measure it again.
 */
export const httpsChecks = sqliteTable(
  'https_checks',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    host: text('host').notNull(),
    checkedAt: text('checked_at').notNull(),
    /** Each request as JSON (HttpsRequestArtifact): url, status, finalUrl, failure, error. */
    https: text('https', { mode: 'json' }).notNull(),
    http: text('http', { mode: 'json' }).notNull(),
    certificate: text('certificate', { mode: 'json' }),
    tlsFailure: text('tls_failure'),
    tlsError: text('tls_error'),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

/**
 * The homepage host's IPv6, measured once per check and site: its AAAA, the registered URL fetched over
 * IPv6, and the site's own link hosts (JSON, Ipv6LinkHostArtifact[]). A row is the site measured; one
 * measured without an IPv6 route (`no_route`), or whose homepage fetch the checker spoiled, is measured again.
 */
export const ipv6Checks = sqliteTable(
  'ipv6_checks',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    host: text('host').notNull(),
    checkedAt: text('checked_at').notNull(),
    noRoute: text('no_route'),
    aaaa: text('aaaa', { mode: 'json' }).notNull(),
    dnsError: text('dns_error'),
    homepage: text('homepage', { mode: 'json' }),
    linkHosts: text('link_hosts', { mode: 'json' }).notNull(),
    linkHostsOmitted: integer('link_hosts_omitted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

/**
 * Expert and third-party findings (`choucha findings import`), judged with the rules' findings of every
 * check of their quarter. `key` is what the finding says (quarter, site, rule, code, URL, description):
 * importing the same row again, from this file or another, updates it instead of adding it twice.
 */
export const manualFindings = sqliteTable(
  'manual_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    quarter: text('quarter').notNull(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    rule: text('rule').notNull(),
    code: text('code').notNull(),
    /** 问题类型 as the file wrote it. */
    typeGiven: text('type_given').notNull(),
    url: text('url'),
    description: text('description').notNull(),
    inspector: text('inspector').notNull(),
    /** The day it was found, YYYY-MM-DD. */
    foundOn: text('found_on').notNull(),
    /** The screenshot as the file named it, and the copy kept beside the database (absolute path). */
    screenshotGiven: text('screenshot_given'),
    screenshotPath: text('screenshot_path'),
    /** The file (absolute path) and row it was last imported from. */
    sourceFile: text('source_file').notNull(),
    sourceRow: integer('source_row').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('manual_findings_key').on(t.key), index('manual_findings_quarter_site').on(t.quarter, t.siteId)],
);

/**
 * Attachments of a site's own (xlsx, xls, csv, docx, doc, pdf, wps, et) linked from its crawled pages,
 * fetched once per check for the personal-data check: their text as rows (gzip'd JSON, AttachmentRow[])
 * or why they were not read. The rows hold what the file holds, so they stay here: findings carry only
 * masked forms.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    url: text('url').notNull(),
    /** The page that links to it, and the link's text. */
    foundOn: text('found_on').notNull(),
    linkText: text('link_text'),
    format: text('format'),
    /** read | not-read */
    state: text('state').notNull(),
    reason: text('reason'),
    bytes: integer('bytes'),
    rows: blob('rows', { mode: 'buffer' }),
    fetchedAt: text('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId, t.url] })],
);

/** A site whose attachments were all fetched for a check: how many its pages link to, how many the per-site cap left out. */
export const attachmentScans = sqliteTable(
  'attachment_scans',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    found: integer('found').notNull(),
    omitted: integer('omitted').notNull(),
    scannedAt: text('scanned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

/**
 * The 功能设计 measurements of a site that need the network or a browser, once per check: `mobile` (the
 * homepage at a phone's width) and `search` (the site's search tried with a title the crawl saw). `data`
 * is the artifact as src/model/artifacts.ts gives it.
 */
export const functionChecks = sqliteTable(
  'function_checks',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    kind: text('kind').notNull(),
    checkedAt: text('checked_at').notNull(),
    data: text('data', { mode: 'json' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId, t.kind] })],
);
