// What to fetch next on one site, decided from what has been read so far. No I/O here: the crawler
// feeds pages in (from the network or, on resume, from the store) and sends the requests out.
import { readColumn } from '../../extract/column-state.js';
import { BoardWalk } from './board-walk.js';
import type { PageWalkRead } from '../../extract/page.js';
import type { Link } from '../../extract/links.js';
import type { RenderMode } from '../../model/site.js';
import type { Day } from '../../model/day.js';
import type { ItemArtifact, ListArtifact } from '../../model/artifacts.js';
import type { SiteCrawlResult } from '../../store/lists.js';
import type { PageKind } from '../../store/pages.js';
import { getDomain } from 'tldts';
import { urlKey } from './url-key.js';

export interface WalkRequest {
  url: string;
  kind: PageKind;
  /** The column this page belongs to (its key), for list pages. */
  column?: string;
  /** The board (its key) a board page or a letter's page belongs to. */
  board?: string;
  listPage?: number;
  /** Fetch through Chromium and read the DOM its scripts built. */
  render?: boolean;
}

export interface WalkLimits {
  maxPages: number;
  maxColumns: number;
  maxListPages: number;
  /** Levels of columns below the homepage followed at most (a runaway menu is a trap, not a site). */
  maxDepth: number;
  articlesPerColumn: number;
  /**
   * Articles opened from a list that shows no dates (its newest items first): their pages' 发布时间 is
   * the only date a person sees, and without it an undated homepage would be vetoed as never updated.
   */
  undatedArticles: number;
  /** Keep paging a list while its items are this recent (the start of the longest window). */
  pageUntil: Day;
  /** List pages of one message board read at most (a board is paged back over the whole year). */
  maxBoardPages: number;
  /** Letters' own pages read per board at most (for reply days the list does not show). */
  maxLetterPages: number;
}

interface Column {
  key: string;
  url: string;
  name: string;
  level: number | null;
  source: string;
  state: ListArtifact['state'] | null;
  reason: string | null;
  items: ItemArtifact[];
  pagesRead: number;
  /** How many column pages were passed through to find it (1 = linked from the homepage). */
  depth: number;
}

const FILE = /\.(pdf|docx?|xlsx?|wps|et|zip|rar|7z|jpe?g|png|gif|mp4|flv|txt|ofd|ceb)$/i;

export class SiteWalk {
  private requested = new Set<string>();
  private outstanding = 0;
  private pages = 0;
  private columns = new Map<string, Column>();
  private blocks: (ListArtifact & { key: string })[] = [];
  /** Blocks the homepage gave no name: they take the name of the column their 更多 link leads to. */
  private unnamedBlocks = new Set<string>();
  /** Same-site iframes of the homepage, by address, and the name the homepage gives each. */
  private frameNames = new Map<string, string | null>();
  private failed: string | null = null;
  private limitsHit = new Set<string>();
  /** Pages asked for that gave nothing to read (timeouts, resets, caps, error statuses), in order. */
  private unread: { url: string; error: string }[] = [];
  private stopped = false;
  /** Articles asked for because their list shows no dates, over the whole site. */
  private undatedAsked = 0;
  /** Said of the crawl without making it partial (a firewall's challenge passed). */
  private notes = new Set<string>();
  private host: string;
  private boards: BoardWalk;

  constructor(
    readonly siteId: string,
    private homeUrl: string,
    private limits: WalkLimits,
    readonly renderMode: RenderMode = 'never',
  ) {
    this.host = new URL(homeUrl).host;
    this.boards = new BoardWalk(
      { pageUntil: limits.pageUntil, maxBoardPages: limits.maxBoardPages, maxLetterPages: limits.maxLetterPages },
      (url) => this.ownPage(url),
    );
  }

  get done(): boolean {
    return this.outstanding === 0;
  }

  start(): WalkRequest[] {
    return this.ask([this.withRender({ url: this.homeUrl, kind: 'homepage' })]);
  }

  private withRender(r: WalkRequest): WalkRequest {
    return this.renderMode === 'always' && r.kind !== 'article' && r.kind !== 'message' ? { ...r, render: true } : r;
  }

  /** Under `auto`, a page whose list is built by script is fetched again through the browser. */
  private renderAgain(req: WalkRequest, read: PageWalkRead, unreadable: boolean): WalkRequest[] {
    return this.renderMode === 'auto' && !req.render && unreadable && read.scripted ? [{ ...req, render: true }] : [];
  }

  /** A page came back: `read` when it was fetched and decoded, else the error. */
  onPage(req: WalkRequest, read: PageWalkRead | null, error: string | null, finalUrl: string | null): WalkRequest[] {
    this.outstanding--;
    this.pages++;
    // A failed render leaves the plain page's reading; only a page with nothing read is lost.
    if (!read && !req.render && req.kind !== 'homepage') this.unread.push({ url: req.url, error: error ?? '未知错误' });
    if (req.kind === 'homepage') return this.onHomepage(req, read, error, finalUrl);
    if (req.kind === 'frame') return read ? this.onFrame(req, read) : this.unreadFrame(req.url, `内嵌页面无法读取：${error ?? '未知错误'}`);
    if (req.kind === 'footer') return [];
    if (req.kind === 'column') return this.onColumnPage(req, read, error);
    if (req.kind === 'board') return this.ask(this.boards.onListPage(req, read, error, (r) => this.renderBoard(r)));
    if (req.kind === 'message') this.boards.onLetter(req, read);
    return [];
  }

  /** A request the crawler will not make after all (the site's time budget ran out). */
  onSkipped(): void {
    this.outstanding--;
  }

  /** Ask for nothing more: the site is partially checked, for this reason. */
  stop(reason: string): void {
    this.stopped = true;
    this.limitsHit.add(reason);
  }

  /** Something the crawl's reason should say that leaves it complete. */
  note(text: string): void {
    this.notes.add(text);
  }

  result(): SiteCrawlResult {
    if (this.failed) return { state: 'failed', reason: this.failed, pagesFetched: this.pages, lists: [] };
    const columns = [...this.columns.values()]
      .filter((c) => c.state !== null)
      // A short navigation's link is a column only where it led to one (a list, or a page saying it is empty).
      .filter((c) => c.source !== 'short-nav' || c.state === 'items' || c.state === 'empty')
      .map((c) => ({
        kind: 'column' as const,
        key: c.key,
        name: c.name,
        url: c.url,
        level: c.level,
        source: c.source,
        state: c.state!,
        stateReason: c.reason,
        items: c.items,
        pagesRead: c.pagesRead,
        moreUrl: null,
      }));
    const partial = [...this.limitsHit];
    // Pages lost on the way do not make the crawl partial (the rules see each unreadable column and say
    // "not checked" where it could tip a count), but the crawl's reason names them.
    const notes = [...partial, ...(this.unread.length > 0 ? [unreadNote(this.unread)] : []), ...this.notes];
    return {
      state: partial.length > 0 ? 'partial' : 'complete',
      reason: notes.length > 0 ? notes.join('；') : null,
      pagesFetched: this.pages,
      lists: [...this.blocks.map((b) => this.namedByColumn(b)), ...columns],
      channels: this.boards.result(),
    };
  }

  private namedByColumn<B extends ListArtifact & { key: string }>(b: B): B {
    if (!this.unnamedBlocks.has(b.key) || !b.moreUrl) return b;
    const col = this.columns.get(urlKey(b.moreUrl));
    return col && col.state !== null && col.state !== 'unreadable' && col.name ? { ...b, name: col.name } : b;
  }

  private ask(reqs: WalkRequest[]): WalkRequest[] {
    const out: WalkRequest[] = [];
    if (this.stopped) return out;
    for (const r of reqs) {
      const key = `${r.kind}|${r.render ? 'rendered' : 'fetched'}|${urlKey(r.url)}`;
      if (this.requested.has(key)) continue;
      if (this.requested.size >= this.limits.maxPages) {
        const why = `达到每站页面上限（${this.limits.maxPages} 页），部分页面未检查`;
        // A board page left unread makes that board unjudged, not the whole site.
        if (this.boards.owns(r)) this.boards.refused(r, why);
        else this.limitsHit.add(why);
        continue;
      }
      this.requested.add(key);
      this.outstanding++;
      out.push(r);
    }
    return out;
  }

  private onHomepage(req: WalkRequest, read: PageWalkRead | null, error: string | null, finalUrl: string | null): WalkRequest[] {
    if (!read) {
      // A failed render leaves what the plain fetch read; a failed fetch is a failed site.
      if (!req.render || this.renderMode === 'always') this.failed = `首页无法获取：${error ?? '未知错误'}`;
      return [];
    }
    const again = this.renderAgain(req, read, read.lists.length === 0);
    if (finalUrl) this.host = new URL(finalUrl).host;
    this.addBlocks(read, null);
    const frames = read.frames
      .filter((f) => this.ownPage(f.url))
      .map((f) => {
        this.frameNames.set(f.url, f.name);
        return { url: f.url, kind: 'frame' as const };
      });
    // A frame from another host of the site's own domain (a 信息公开 platform at xxgk.x.gov.cn) may hold the
    // homepage's freshest block: it is not read, and homepage-stale must not judge without it.
    for (const f of read.frames) {
      const host = new URL(f.url).hostname;
      if (!this.ownPage(f.url) && host !== new URL(this.homeUrl).hostname && sameDomain(host, this.host)) {
        this.frameNames.set(f.url, f.name);
        this.unreadFrame(f.url, `首页内嵌其他主机（${host}）的页面，未读取`);
      }
    }
    const found: { link: Link; level: number | null; source: string }[] = [
      ...read.nav.map((link) => ({ link, level: 1, source: read.navShort ? 'short-nav' : 'nav' })),
      ...read.lists
        .filter((l) => l.moreUrl)
        .map((l) => ({ link: { text: l.name ?? '', url: l.moreUrl! }, level: null, source: 'more-link' })),
    ];
    const columns = found.flatMap(({ link, level, source }) => this.addColumn(link, level, source, 1));
    const articles = read.lists.flatMap((l) => this.undatedSample(l.items));
    // The footer's script or fragment, read at judging time for the identity items (same host only).
    const footers = read.footerIncludes.filter((u) => new URL(u).host === this.host).map((url) => ({ url, kind: 'footer' as const }));
    return this.ask([...again, ...frames, ...footers, ...columns, ...articles, ...this.scanChannels(read, 0)]);
  }

  /** The homepage's lists as blocks; a frame's are named by the frame when they name themselves nothing. */
  private addBlocks(read: PageWalkRead, frameName: string | null): void {
    const start = this.blocks.length;
    read.lists.forEach((l, i) => {
      const key = `${read.url}#block-${i + 1}`;
      const name = l.name ?? (frameName && read.lists.length === 1 ? frameName : null);
      if (!name) this.unnamedBlocks.add(key);
      this.blocks.push({
        kind: 'homepage-block',
        key,
        name: name ?? `首页信息列表${start + i + 1}`,
        url: read.url,
        level: null,
        source: frameName === null ? 'homepage' : 'homepage-frame',
        state: l.items.length > 0 ? 'items' : 'empty',
        stateReason: null,
        items: l.items,
        pagesRead: 1,
        moreUrl: l.moreUrl,
      });
    });
  }

  /** A homepage iframe whose lists are not known: an unreadable block, so no rule takes the homepage as whole. */
  private unreadFrame(url: string, reason: string): WalkRequest[] {
    this.blocks.push({
      kind: 'homepage-block',
      key: `${url}#frame`,
      name: this.frameNames.get(url) ?? '首页内嵌页面',
      url,
      level: null,
      source: 'homepage-frame',
      state: 'unreadable',
      stateReason: reason,
      items: [],
      pagesRead: 0,
      moreUrl: null,
    });
    return [];
  }

  /** A same-site iframe of the homepage, read one level deep: its lists are blocks of the homepage. */
  private onFrame(req: WalkRequest, read: PageWalkRead): WalkRequest[] {
    this.addBlocks(read, this.frameNames.get(req.url) ?? null);
    const columns = read.lists
      .filter((l) => l.moreUrl)
      .flatMap((l) => this.addColumn({ text: l.name ?? '', url: l.moreUrl! }, null, 'more-link', 1));
    return this.ask([...columns, ...read.lists.flatMap((l) => this.undatedSample(l.items))]);
  }

  /** Interaction channels linked from a homepage or column page; 互动交流 sections are read as columns. */
  private scanChannels(read: PageWalkRead, depth: number): WalkRequest[] {
    const found = this.boards.scan(read, (key) => this.columns.get(key));
    const sections = found.sections.flatMap((link) => this.addColumn(link, null, 'interaction', depth + 1));
    return [...found.requests.map((r) => this.withRender(r)), ...sections];
  }

  /** The first items of a list that shows no date at all, to be read on their own pages. */
  private undatedSample(items: ItemArtifact[], asking: Set<string> = new Set()): WalkRequest[] {
    if (items.length === 0 || items.some((i) => i.date)) return [];
    // A portal has many undated link blocks (专题, 领导, 服务): four lists' worth is the site's share.
    const room = this.limits.undatedArticles * 4 - this.undatedAsked;
    // The list's first items, less those already asked for (a block and its column list the same ones).
    const picked = items
      .filter((i) => i.url && this.ownPage(i.url))
      .slice(0, this.limits.undatedArticles)
      .filter((i) => !this.requested.has(`article|fetched|${urlKey(i.url!)}`) && !asking.has(urlKey(i.url!)))
      .slice(0, Math.max(0, room));
    this.undatedAsked += picked.length;
    return picked.map((i) => ({ url: i.url!, kind: 'article' as const }));
  }

  private renderBoard(r: WalkRequest): WalkRequest[] {
    return this.renderMode === 'auto' ? [{ ...r, render: true }] : [];
  }

  private addColumn(link: Link, level: number | null, source: string, depth: number): WalkRequest[] {
    if (!this.ownPage(link.url)) return [];
    const key = urlKey(link.url);
    if (this.boards.fetchesItself(key)) return [];
    const known = this.columns.get(key);
    if (known) {
      if (known.level === null && level !== null) known.level = level;
      // Named elsewhere too (a 互动交流 link is a channel section): more than a short navigation's guess.
      if (known.source === 'short-nav' && source !== 'short-nav') known.source = source;
      return [];
    }
    // Only a column not yet read is left out by the depth limit: a deepest page's side menu that lists
    // itself and its siblings leaves nothing unread, and the crawl is not partial for it.
    if (depth > this.limits.maxDepth) {
      this.limitsHit.add(`栏目层级超过 ${this.limits.maxDepth} 层，更深的栏目未检查`);
      return [];
    }
    if (this.columns.size >= this.limits.maxColumns) {
      this.limitsHit.add(`达到每站栏目上限（${this.limits.maxColumns} 个），部分栏目未检查`);
      return [];
    }
    this.columns.set(key, {
      key,
      url: link.url,
      name: link.text,
      level,
      source,
      state: null,
      reason: null,
      items: [],
      pagesRead: 0,
      depth,
    });
    return [this.withRender({ url: link.url, kind: 'column', column: key, listPage: 1 })];
  }

  private ownPage(url: string): boolean {
    try {
      const u = new URL(url);
      return u.host === this.host && !FILE.test(u.pathname) && urlKey(url) !== urlKey(this.homeUrl);
    } catch {
      return false;
    }
  }

  private onColumnPage(req: WalkRequest, read: PageWalkRead | null, error: string | null): WalkRequest[] {
    const col = this.columns.get(req.column!);
    if (!col) return [];
    const first = (req.listPage ?? 1) === 1;
    if (!read) {
      if (first && req.render && col.state !== null) col.reason = `${col.reason ?? ''}；${error ?? '渲染失败'}`;
      else if (first) {
        col.state = 'unreadable';
        col.reason = `栏目页无法获取：${error ?? '未知错误'}`;
      }
      if (this.boards.ownsColumn(col.key)) this.boards.onListPage(req, null, error, () => []);
      return [];
    }
    // A rendered first page replaces the plain one's reading rather than adding a page.
    if (first && req.render) col.pagesRead = 0;
    col.pagesRead++;
    const reading = readColumn(read, col.name);
    const out: WalkRequest[] = this.renderAgain(req, read, reading.state === 'unreadable');
    // A column that shows letters is a board: the board walk pages it and reads its letters.
    if (first && read.messages.length > 0) this.boards.adoptColumn(col.key, col.name, col.url);
    const board = this.boards.ownsColumn(col.key);
    if (first) {
      col.state = reading.state;
      col.reason = reading.state === 'unreadable' && out.length > 0 ? `${reading.reason}（正在用浏览器渲染）` : reading.reason;
      const crumb = read.breadcrumb;
      if (crumb && crumb.length > 0) {
        col.name = crumb.at(-1)!;
        col.level = crumb.length;
      }
      for (const link of read.subnav) out.push(...this.addColumn(link, null, 'submenu', col.depth + 1));
      // A short navigation's link to a menu page (网站地图, 无障碍) is not a parent column to descend from.
      if (reading.state === 'container' && col.source !== 'short-nav') {
        for (const link of read.mainLinks)
          out.push(...this.addColumn(link, col.level === null ? null : col.level + 1, 'container', col.depth + 1));
      }
      const listed = board ? [] : (reading.list?.items ?? []);
      for (const it of listed.slice(0, this.limits.articlesPerColumn)) {
        if (it.url && this.ownPage(it.url)) out.push({ url: it.url, kind: 'article' });
      }
      out.push(...this.undatedSample(listed, new Set(out.filter((r) => r.kind === 'article').map((r) => urlKey(r.url)))));
      out.push(...this.scanChannels(read, col.depth));
    }
    const seen = new Set(col.items.map((i) => i.url));
    const fresh = (reading.list?.items ?? []).filter((i) => !i.url || !seen.has(i.url));
    col.items.push(...fresh);
    const dated = fresh.filter((i) => i.date).map((i) => i.date!);
    const oldest = dated.length > 0 ? dated.reduce((a, b) => (a < b ? a : b)) : null;
    const page = req.listPage ?? 1;
    if (board) out.push(...this.boards.onListPage(req, read, error, (r) => this.renderBoard(r)));
    else if (read.nextPage && fresh.length > 0 && oldest !== null && oldest >= this.limits.pageUntil) {
      if (page < this.limits.maxListPages)
        out.push({ url: read.nextPage, kind: 'column', column: col.key, listPage: page + 1, ...(req.render ? { render: true } : {}) });
      else this.limitsHit.add(`栏目“${col.name}”超过 ${this.limits.maxListPages} 页，后续页未读取`);
    }
    return this.ask(out);
  }
}

function sameDomain(a: string, b: string): boolean {
  const da = getDomain(a);
  return da !== null && da === getDomain(b.replace(/:\d+$/, ''));
}

function unreadNote(unread: { url: string; error: string }[]): string {
  const shown = unread
    .slice(0, 3)
    .map((u) => `${new URL(u.url).pathname}${new URL(u.url).search}（${u.error.replace(/\s+/g, ' ').slice(0, 80)}）`);
  return `${unread.length} 个页面无法读取：${shown.join('、')}${unread.length > 3 ? ' 等' : ''}`;
}
