// The same schema as schema.ts in PostgreSQL's dialect, for the PostgreSQL store that lets checks scale
// out beyond one machine (workers on many machines sharing one database, #26). The store's code runs
// unchanged on both: drizzle's SQLite builder writes the SQL, and PostgreSQL receives it. So every table,
// column, key and index here carries schema.ts's name, and every column holds values in the shape the
// SQLite side sends and reads back:
// - a boolean is an integer, 1 or 0 (the builder sends 1/0 and reads `Number(v) === 1`);
// - JSON is text (the builder sends and parses JSON text itself), not json or jsonb;
// - a blob is bytea; a real is double precision; an integer that can pass 2^31 (byte counts) is a bigint.
// Both files change together: a column, key or index added to one is added to the other in the same
// commit, with a migration for each (npm run db:generate and npm run db:generate:pg);
// test/store/schema-dialects.test.ts fails when they drift.
import { sql } from 'drizzle-orm';
import { bigint, customType, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** pg-core has no bytea column: the page bodies and attachment rows, as Buffers both ways. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** An INTEGER PRIMARY KEY AUTOINCREMENT of SQLite's: numbered by PostgreSQL unless the row brings its own id. */
const serialId = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

/** SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now'): UTC, milliseconds, Z, taken once per statement as SQLite does. */
const nowIso = sql`to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const sites = pgTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  sponsor: text('sponsor'),
  level: text('level'),
  region: text('region'),
  parentId: text('parent_id'),
  status: text('status').notNull(),
  render: text('render'),
  sourceFile: text('source_file'),
  updatedAt: text('updated_at').notNull(),
});

export const checks = pgTable(
  'checks',
  {
    id: serialId(),
    quarter: text('quarter').notNull(),
    tier: text('tier').notNull(),
    edition: text('edition').notNull(),
    at: text('at').notNull(),
    createdAt: text('created_at').notNull(),
    sample: text('sample'),
  },
  (t) => [uniqueIndex('checks_quarter_tier').on(t.quarter, t.tier)],
);

export const checkSites = pgTable(
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

export const probes = pgTable(
  'probes',
  {
    id: serialId(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    url: text('url').notNull(),
    startedAt: text('started_at').notNull(),
    ok: integer('ok').notNull(),
    status: integer('status'),
    ms: integer('ms'),
    bytes: bigint('bytes', { mode: 'number' }),
    failure: text('failure'),
    error: text('error'),
    dnsMs: integer('dns_ms'),
    connectMs: integer('connect_ms'),
    tlsMs: integer('tls_ms'),
    firstByteMs: integer('first_byte_ms'),
    finalUrl: text('final_url'),
    itemsHash: text('items_hash'),
    itemDates: text('item_dates'),
    vantage: text('vantage'),
  },
  (t) => [index('probes_site_time').on(t.siteId, t.startedAt)],
);

export const probePlan = pgTable(
  'probe_plan',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    dueAt: text('due_at').notNull(),
    doneAt: text('done_at'),
    probeId: integer('probe_id'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.dueAt] }), index('probe_plan_due').on(t.doneAt, t.dueAt)],
);

export const homepageItems = pgTable(
  'homepage_items',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    itemKey: text('item_key').notNull(),
    title: text('title').notNull(),
    dateText: text('date_text'),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.itemKey] })],
);

export const pages = pgTable(
  'pages',
  {
    id: serialId(),
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
    body: bytea('body'),
    error: text('error'),
    rendered: integer('rendered').notNull().default(0),
  },
  (t) => [uniqueIndex('pages_check_url_rendered').on(t.checkId, t.url, t.rendered), index('pages_check_site').on(t.checkId, t.siteId)],
);

export const evidence = pgTable(
  'evidence',
  {
    id: serialId(),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    url: text('url').notNull(),
    path: text('path'),
    capturedAt: text('captured_at').notNull(),
    width: integer('width'),
    height: integer('height'),
    error: text('error'),
    kind: text('kind').notNull().default('page'),
    note: text('note'),
  },
  (t) => [uniqueIndex('evidence_check_url_kind').on(t.checkId, t.url, t.kind)],
);

export const lists = pgTable(
  'lists',
  {
    id: serialId(),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    kind: text('kind').notNull(),
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

export const items = pgTable(
  'items',
  {
    id: serialId(),
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

export const findings = pgTable(
  'findings',
  {
    id: serialId(),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    rule: text('rule').notNull(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    points: doublePrecision('points').notNull().default(0),
    url: text('url'),
    message: text('message').notNull(),
    evidence: text('evidence').notNull(),
    ignored: text('ignored'),
    source: text('source').notNull().default('checker'),
    provenance: text('provenance'),
  },
  (t) => [index('findings_check_site').on(t.checkId, t.siteId)],
);

export const verdicts = pgTable(
  'verdicts',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    verdict: text('verdict').notNull(),
    score: doublePrecision('score'),
    vetoes: text('vetoes').notNull(),
    notChecked: text('not_checked').notNull(),
    notCheckedReason: text('not_checked_reason'),
    judgedAt: text('judged_at').notNull().default(nowIso),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

export const pageLinks = pgTable(
  'page_links',
  {
    id: serialId(),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    pageUrl: text('page_url').notNull(),
    onHomepage: integer('on_homepage').notNull(),
    links: text('links').notNull(),
  },
  (t) => [uniqueIndex('page_links_check_site_page').on(t.checkId, t.siteId, t.pageUrl)],
);

export const linkChecks = pgTable(
  'link_checks',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    target: text('target').notNull(),
    status: text('status').notNull(),
    http: integer('http'),
    error: text('error'),
    attempts: integer('attempts').notNull(),
    checkedAt: text('checked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.target] })],
);

export const linkHosts = pgTable(
  'link_hosts',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    host: text('host').notNull(),
    checkedAt: text('checked_at').notNull(),
    lapsed: text('lapsed'),
    site: text('site'),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.host] })],
);

export const channels = pgTable(
  'channels',
  {
    id: serialId(),
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
    offsite: integer('offsite').notNull(),
    state: text('state').notNull(),
    reason: text('reason'),
    httpStatus: integer('http_status'),
    pagesRead: integer('pages_read').notNull().default(0),
    covered: integer('covered').notNull().default(0),
    answeredOnly: text('answered_only'),
  },
  (t) => [uniqueIndex('channels_check_site_key').on(t.checkId, t.siteId, t.key)],
);

export const messages = pgTable(
  'messages',
  {
    id: serialId(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    askedOn: text('asked_on'),
    repliedOn: text('replied_on'),
    status: text('status'),
    detailRead: integer('detail_read').notNull().default(0),
  },
  (t) => [index('messages_channel').on(t.channelId)],
);

export const lowerVerdicts = pgTable(
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
    findings: text('findings').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

export const httpsChecks = pgTable(
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
    https: text('https').notNull(),
    http: text('http').notNull(),
    certificate: text('certificate'),
    tlsFailure: text('tls_failure'),
    tlsError: text('tls_error'),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

export const ipv6Checks = pgTable(
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
    aaaa: text('aaaa').notNull(),
    dnsError: text('dns_error'),
    homepage: text('homepage'),
    linkHosts: text('link_hosts').notNull(),
    linkHostsOmitted: integer('link_hosts_omitted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId] })],
);

export const manualFindings = pgTable(
  'manual_findings',
  {
    id: serialId(),
    key: text('key').notNull(),
    quarter: text('quarter').notNull(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    rule: text('rule').notNull(),
    code: text('code').notNull(),
    typeGiven: text('type_given').notNull(),
    url: text('url'),
    description: text('description').notNull(),
    inspector: text('inspector').notNull(),
    foundOn: text('found_on').notNull(),
    screenshotGiven: text('screenshot_given'),
    screenshotPath: text('screenshot_path'),
    sourceFile: text('source_file').notNull(),
    sourceRow: integer('source_row').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('manual_findings_key').on(t.key), index('manual_findings_quarter_site').on(t.quarter, t.siteId)],
);

export const attachments = pgTable(
  'attachments',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    url: text('url').notNull(),
    foundOn: text('found_on').notNull(),
    linkText: text('link_text'),
    format: text('format'),
    state: text('state').notNull(),
    reason: text('reason'),
    bytes: bigint('bytes', { mode: 'number' }),
    rows: bytea('rows'),
    fetchedAt: text('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId, t.url] })],
);

export const attachmentScans = pgTable(
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

export const functionChecks = pgTable(
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
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.siteId, t.kind] })],
);
