// What a column page shows: its list, positive evidence that it is empty, a parent of sub-columns,
// or something we cannot read with confidence. "Empty" needs evidence; doubt is "unreadable".
import type { ListState } from '../model/artifacts.js';
import type { ExtractedList } from './lists.js';
import { channelKind } from '../model/channel-kinds.js';
import { channelLinks } from './channels.js';
import { looksLikeArticle, sameSite } from './links.js';
import type { PageWalkRead } from './page.js';

export interface ColumnReading {
  state: ListState;
  reason: string | null;
  list: ExtractedList | null;
}

/** Fewer visible characters than this after the breadcrumb is a page of only a title. */
const TITLE_ONLY_CHARS = 40;

function mainList(read: PageWalkRead): ExtractedList | null {
  const pool = read.lists.filter((l) => !l.aside);
  const from = pool.length > 0 ? pool : read.lists;
  return from.reduce<ExtractedList | null>((best, l) => (!best || l.items.length > best.items.length ? l : best), null);
}

/** `name`: the column's name as the link to it said, when known (a 互动交流 page is read by what it names). */
export function readColumn(read: PageWalkRead, name: string | null = null): ColumnReading {
  const list = mainList(read);
  if (list && list.items.length > 0) return { state: 'items', reason: null, list };
  if (read.placeholder) return { state: 'empty', reason: `页面显示“${read.placeholder}”`, list: null };
  const hub = name === null ? null : channelHub(read, name);
  if (hub) return { state: 'container', reason: `互动栏目页为互动渠道导航（${hub.slice(0, 5).join('、')}），按各渠道检查`, list: null };
  if (read.scripted) return { state: 'unreadable', reason: read.scripted, list: null };
  if (read.emptyContainer) return { state: 'empty', reason: '列表区域为空', list: null };
  // Links to sub-columns make a parent column; links to articles are a list we failed to read.
  const articles = read.mainLinks.filter((l) => looksLikeArticle(l.url)).length;
  if (read.mainLinks.length > 0 && articles * 2 < read.mainLinks.length) {
    const own = read.mainLinks.some((l) => sameSite(l.url, read.url));
    return { state: 'container', reason: own ? '栏目页只列出下级栏目' : '栏目页只链接到其他网站（如上级政民互动平台）', list: null };
  }
  if (read.mainTextChars !== null && read.mainTextChars < TITLE_ONLY_CHARS && read.mainLinks.length === 0) {
    return { state: 'empty', reason: '栏目页只有标题，没有内容', list: null };
  }
  if (read.mainTextChars !== null && read.mainTextChars >= TITLE_ONLY_CHARS) {
    return { state: 'page', reason: '栏目页为单篇内容，不是信息列表', list: null };
  }
  return { state: 'unreadable', reason: '未识别出列表，也没有“暂无信息”等空栏目的明确标志', list: null };
}

/**
 * A 互动交流 page that is a menu of channels (咨询投诉, 在线访谈, 调查征集, 网上信访), often image tiles
 * with no breadcrumb: not an information column that failed to read, but the way to its channels. Two
 * kinds of channel outside the main navigation make it one; the header's 在线咨询 alone does not.
 */
function channelHub(read: PageWalkRead, name: string): string[] | null {
  if (channelKind(name) !== 'hub') return null;
  const nav = new Set(read.nav.map((l) => l.url));
  const channels = channelLinks(read.links).filter((c) => c.kind !== 'hub' && !nav.has(c.url));
  return new Set(channels.map((c) => c.kind)).size >= 2 ? channels.map((c) => c.name) : null;
}
