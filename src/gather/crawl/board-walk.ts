// Interaction channels and their boards during one site's walk: which links are channels, which pages
// are read as boards, how far back a board is paged, and which letters' own pages are read. No I/O:
// SiteWalk hands pages in and sends the requests out.
// A board is paged back until its letters are older than the window (12 months before `at`); when a
// bound stops it first, the board is marked not covered and the rule will not vouch for its silence.
import { replyState } from '../../model/reply-state.js';
import { type ChannelKind, CHANNEL_KIND_LABELS, channelKind, isEntry, namesNoChannel } from '../../model/channel-kinds.js';
import { channelLinks } from '../../extract/channels.js';
import type { Letter } from '../../extract/letter.js';
import type { PageWalkRead } from '../../extract/page.js';
import type { ChannelArtifact, MessageArtifact } from '../../model/artifacts.js';
import type { Day } from '../../model/day.js';
import type { WalkRequest } from './site-walk.js';
import { urlKey } from './url-key.js';

/** Channels whose letters must be answered, and so are read as boards. */
const READ_AS_BOARD: ChannelKind[] = ['consultation', 'suggestion', 'complaint'];

/** What the column walk knows of a column: its state once its first page was read. */
export interface ColumnSeen {
  state: string | null;
  reason: string | null;
}

export interface BoardLimits {
  /** Keep paging a board while it shows letters asked on or after this day. */
  pageUntil: Day;
  maxBoardPages: number;
  /** Letters' own pages read per board at most. */
  maxLetterPages: number;
}

interface Board extends ChannelArtifact {
  key: string;
  /** Read through the column walk (its pages are column pages), or fetched as a board page. */
  viaColumn: boolean;
  fetched: boolean;
  /** Letters whose own page was asked for, and what each said: a rendered first page re-reads the list. */
  letters: Map<string, Letter | null>;
  lettersSkipped: Set<string>;
  pagesSkipped: string | null;
}

export class BoardWalk {
  private boards = new Map<string, Board>();

  constructor(
    private limits: BoardLimits,
    /** A page of the site itself (same host, not a file), as SiteWalk decides. */
    private ownPage: (url: string) => boolean,
  ) {}

  /** The walk fetches this page itself as a board: the column walk must not fetch it again. */
  fetchesItself(key: string): boolean {
    const b = this.boards.get(key);
    return !!b && b.fetched && !b.viaColumn;
  }

  /** Column pages of this column are a board's pages: the board pages them, not the column walk. */
  ownsColumn(key: string): boolean {
    return this.boards.get(key)?.viaColumn === true;
  }

  /** Requests this walk made, so that a refusal for the page budget falls on the board, not the site. */
  owns(r: WalkRequest): boolean {
    return r.kind === 'board' || r.kind === 'message' || (r.kind === 'column' && (r.listPage ?? 1) > 1 && this.ownsColumn(r.column ?? ''));
  }

  refused(r: WalkRequest, why: string): void {
    const b = this.boards.get(r.board ?? r.column ?? '');
    if (!b) return;
    if (r.kind === 'message') b.lettersSkipped.add(r.url);
    else if ((r.listPage ?? 1) > 1) {
      b.covered = false;
      b.pagesSkipped = why;
    } else {
      b.state = 'not-read';
      b.reason = why;
    }
  }

  /**
   * Channel links on a homepage or column page. Returns the board pages to fetch, and the 互动交流
   * sections on this site that the column walk should read (their pages list the channels).
   */
  scan(
    read: PageWalkRead,
    column: (key: string) => ColumnSeen | undefined,
  ): { requests: WalkRequest[]; sections: { text: string; url: string }[] } {
    const requests: WalkRequest[] = [];
    const sections: { text: string; url: string }[] = [];
    // Letters and list items are not channels, even when a title says 咨询.
    const listed = new Set<string>(
      [...read.messages.map((m) => m.url), ...read.lists.flatMap((l) => l.items.map((i) => i.url))].filter((u): u is string => !!u),
    );
    for (const link of channelLinks(read.links)) {
      if (listed.has(link.url)) continue;
      const key = urlKey(link.url);
      if (this.boards.has(key)) continue;
      const own = this.ownPage(link.url);
      const b = this.add(key, link.name, link.url, read.url);
      if (!own) {
        b.state = 'offsite';
        b.offsite = otherHost(link.url, read.url);
        b.reason = b.offsite ? '链接到其他网站，未抓取' : '不是网页（附件等），未抓取';
      } else if (isEntry(link.name)) {
        b.state = 'entry';
        b.reason = '写信、查询等入口，不是留言列表';
      } else if (READ_AS_BOARD.includes(link.kind)) {
        b.fetched = true;
        b.reason = '页面尚未读取';
        const col = column(key);
        if (!col) requests.push({ url: link.url, kind: 'board', board: key, listPage: 1 });
        else {
          b.viaColumn = true;
          // Its page was already read as a column, before any link named it a channel, and showed no letter.
          if (col.state === 'empty') [b.state, b.reason, b.covered] = ['empty', col.reason, true];
          else if (col.state !== null)
            [b.state, b.reason] = ['unreadable', col.state === 'unreadable' ? col.reason : '页面上没有识别出留言列表'];
        }
      } else {
        b.state = 'not-read';
        b.reason = link.kind === 'hub' ? '互动栏目，作为栏目读取' : `${CHANNEL_KIND_LABELS[link.kind]}渠道，不作为咨询类栏目读取`;
        if (link.kind === 'hub') sections.push({ text: link.name, url: link.url });
      }
    }
    return { requests, sections };
  }

  /** A column page showed letters although no channel link named it a board (百姓心声): it is one from now on. */
  adoptColumn(key: string, name: string, url: string): void {
    if (this.boards.has(key)) return;
    // A 网上信访 or 在线访谈 column full of letters is still not a consultation board.
    // Nor is a 建议提案办理 or 依申请公开 list whose rows carry 已办结.
    const kind = channelKind(name);
    if ((kind !== null && !READ_AS_BOARD.includes(kind)) || namesNoChannel(name)) return;
    const b = this.add(key, name, url, url);
    b.fetched = true;
    b.viaColumn = true;
  }

  /** A board's list page came back (as a column page or a board page). */
  onListPage(req: WalkRequest, read: PageWalkRead | null, error: string | null, render: (r: WalkRequest) => WalkRequest[]): WalkRequest[] {
    const b = this.boards.get(req.board ?? req.column ?? '');
    if (!b) return [];
    const page = req.listPage ?? 1;
    if (!read) {
      if (page === 1 && req.render && b.state !== 'not-read') b.reason = `${b.reason ?? ''}；${error ?? '渲染失败'}`;
      else if (page === 1) {
        b.state = 'unreadable';
        b.reason = `页面无法获取：${error ?? '未知错误'}`;
        b.httpStatus = Number(/^HTTP (\d{3})/.exec(error ?? '')?.[1]) || null;
      } else {
        b.covered = false;
        b.pagesSkipped = `第 ${page} 页无法获取：${error ?? '未知错误'}`;
      }
      return [];
    }
    const out: WalkRequest[] = [];
    if (page === 1) {
      // A rendered first page replaces what the plain fetch read.
      if (req.render) {
        b.messages = [];
        b.pagesRead = 0;
      }
      b.httpStatus = 200;
      b.answeredOnly = read.board.answeredOnly;
    }
    b.pagesRead++;
    if (read.messages.length === 0) {
      if (page > 1) {
        // A later page that shows no letter is a layout we cannot read, not proof the board ended.
        b.covered = false;
        b.pagesSkipped = `第 ${page} 页没有识别出留言`;
        return out;
      }
      if (read.placeholder) [b.state, b.reason, b.covered] = ['empty', `页面显示“${read.placeholder}”`, true];
      else if (isEntry(b.name)) [b.state, b.reason] = ['entry', '写信、查询等入口，不是留言列表'];
      else {
        const again = read.scripted && !req.render ? render(req) : [];
        b.state = 'unreadable';
        b.reason = read.scripted
          ? `${read.scripted}${again.length > 0 ? '（正在用浏览器渲染）' : ''}`
          : '页面上没有识别出留言列表（布局未知，或只有写信表单）';
        out.push(...again);
      }
      return out;
    }
    b.state = 'read';
    b.reason = null;
    const seen = new Set(b.messages.map(msgKey));
    const fresh: MessageArtifact[] = read.messages
      .filter((m) => !seen.has(msgKey(m)))
      .map((m) => withLetter({ ...m, detailRead: false }, m.url ? b.letters.get(m.url) : undefined));
    b.messages.push(...fresh);
    const inWindow = read.messages.some((m) => m.askedOn === null || m.askedOn >= this.limits.pageUntil);
    if (!inWindow) b.covered = true;
    else if (fresh.length === 0) {
      // The "next" page showed the letters already read (a pager that ignores its page number).
      b.covered = false;
      b.pagesSkipped = `第 ${page} 页与前面的页相同，无法继续往前翻`;
    } else if (read.nextPage) {
      if (page < this.limits.maxBoardPages) {
        const next = b.viaColumn ? { kind: 'column' as const, column: b.key } : { kind: 'board' as const, board: b.key };
        out.push({ url: read.nextPage, ...next, listPage: page + 1, ...(req.render ? { render: true } : {}) });
      } else {
        b.covered = false;
        b.pagesSkipped = `超过 ${this.limits.maxBoardPages} 页，更早的留言未读取`;
      }
    } else if (read.board.pageCount !== null && read.board.pageCount > page) {
      b.covered = false;
      b.pagesSkipped = `共 ${read.board.pageCount} 页，只读到第 ${page} 页（翻页链接无法跟随）`;
    } else b.covered = true;
    for (const m of fresh) out.push(...this.letterRequest(b, m));
    return out;
  }

  /** A letter's own page came back. */
  onLetter(req: WalkRequest, read: PageWalkRead | null): void {
    const b = this.boards.get(req.board ?? '');
    if (!b) return;
    const letter = read?.board.letter ?? null;
    b.letters.set(req.url, letter);
    const i = b.messages.findIndex((x) => x.url === req.url);
    if (i >= 0) b.messages[i] = withLetter(b.messages[i]!, letter);
  }

  result(): (ChannelArtifact & { key: string })[] {
    return [...this.boards.values()].map((b) => {
      const notes = [
        b.reason,
        b.pagesSkipped,
        b.lettersSkipped.size > 0
          ? `${b.lettersSkipped.size} 条留言的详情页未读取（达到抓取上限：每个留言板 ${this.limits.maxLetterPages} 页或每站页面上限）`
          : null,
      ];
      const { viaColumn: _v, fetched: _f, letters: _a, lettersSkipped: _s, pagesSkipped: _p, ...artifact } = b;
      return { ...artifact, reason: notes.filter(Boolean).join('；') || null };
    });
  }

  private add(key: string, name: string, url: string, foundOn: string): Board {
    const b: Board = {
      key,
      name,
      url,
      foundOn,
      offsite: false,
      state: 'not-read',
      reason: null,
      httpStatus: null,
      pagesRead: 0,
      covered: false,
      answeredOnly: null,
      messages: [],
      viaColumn: false,
      fetched: false,
      letters: new Map(),
      lettersSkipped: new Set(),
      pagesSkipped: null,
    };
    this.boards.set(key, b);
    return b;
  }

  /** The letter's own page is read when the list leaves its reply (or its date) unknown and it may count. */
  private letterRequest(b: Board, m: MessageArtifact): WalkRequest[] {
    if (!m.url || !this.ownPage(m.url)) return [];
    if (m.askedOn !== null && m.askedOn < this.limits.pageUntil) return [];
    const unknown = m.askedOn === null || (m.repliedOn === null && replyState(m.status) !== 'pending');
    if (!unknown || b.letters.has(m.url)) return [];
    if (b.letters.size >= this.limits.maxLetterPages) {
      b.lettersSkipped.add(m.url);
      return [];
    }
    b.letters.set(m.url, null);
    return [{ url: m.url, kind: 'message', board: b.key }];
  }
}

/** The list row completed from its letter's own page, where that page was read. */
function withLetter(m: MessageArtifact, letter: Letter | null | undefined): MessageArtifact {
  if (!letter) return m;
  return {
    ...m,
    detailRead: true,
    askedOn: m.askedOn ?? letter.askedOn,
    repliedOn: m.repliedOn ?? letter.repliedOn,
    status: m.status ?? letter.status,
  };
}

function msgKey(m: { url: string | null; title: string; askedOn: string | null }): string {
  return m.url ?? `${m.title}|${m.askedOn}`;
}

/** False for an own-host link that is still not a page (an attachment). */
function otherHost(url: string, page: string): boolean {
  try {
    return new URL(url).host !== new URL(page).host;
  } catch {
    return true;
  }
}
