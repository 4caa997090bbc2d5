// When an article page says it was published, read in a fixed order from what a person sees first
// to what only the markup says:
//   1. a labelled field (发布时间, 发布日期, 生成日期, 发文日期…; a bare 时间/日期 only in the line
//      between the headline and the body, or beside other metadata such as 来源);
//   2. a metadata table: a label cell, then a cell holding only the date (信息公开 索引号 tables);
//   3. the line under the headline: a short metadata line with a full date and no sentence in it;
//   4. meta tags (PubDate from the 政府网站网页设计规范 set, firstpublishedtime, ArticlePubDate…);
//   5. CMS comments that wrap the date (<!--发布时间：…-->).
// Never 成文日期, 印发日期, 有效期 or a date inside the body (a meeting's 时间, a signature), never a
// header clock (今天是…), never digits of the URL.
import type { Day } from '../model/day.js';
import { type DateHit, findDate } from './dates.js';

export type PublishedSource = 'label' | 'table' | 'under-title' | 'meta' | 'comment';

export interface PublishedDate extends DateHit {
  /** How the date was found, for `inspect` and for evidence. */
  source: PublishedSource;
  /** The label or meta name read, e.g. 发布时间, PubDate; null for the line under the headline. */
  label: string | null;
}

export interface PublishedInput {
  /** The page's text blocks in document order (textBlocks). */
  blocks: string[];
  /** The headline block, when the page makes it clear. */
  headline: string | null;
  /** `<meta name|property=… content=…>` pairs, in document order. */
  metas: { name: string; content: string }[];
  /** Comments that mention a publication date (document.ts keeps only those). */
  comments: string[];
}

const LABEL =
  /(发布时间|发布日期|信息发布日期|发布于|发稿时间|发表时间|生成日期|发文日期|公开日期|公开时间|上传时间|录入时间|更新时间|更新日期)\s*[:：]?\s*/g;
// A bare 时间/日期 starts its segment: 会议时间, 开标时间, 报名日期 are the body's dates, not the page's.
const BARE = /(?:^|[\s|｜丨/【[(（])(时间|日期)\s*[:：]\s*/g;
const METADATA_WORDS = /来源|作者|浏览|点击|阅读|字号|发布机构|信息来源|责任编辑|分享/;
const PLACE = /^(地点|地址|会议地点|内容)\s*[:：]/;
const SENTENCE = /[。；！？]/;
const META_NAMES = new Map<string, string>(
  [
    'PubDate',
    'publishdate',
    'publish_date',
    'publishtime',
    'firstpublishedtime',
    'ArticlePubDate',
    'article:published_time',
    'dcterms.issued',
    'DC.Date.Issued',
  ].map((n) => [n.toLowerCase(), n]),
);
/** A block longer than this is prose: where the body starts. */
const BODY_BLOCK = 80;
/** A metadata line is short; a block over this is not searched for labels at all. */
const LINE_MAX = 200;

export function readPublished(input: PublishedInput, atDay: Day): PublishedDate | null {
  const { blocks } = input;
  const head = input.headline === null ? -1 : blocks.indexOf(input.headline);
  const bodyStart = firstBodyBlock(blocks, head);
  return (
    labelled(blocks, head, bodyStart, atDay) ??
    fromTable(blocks, atDay) ??
    underTitle(blocks, head, atDay) ??
    fromMeta(input.metas, atDay) ??
    fromComments(input.comments, atDay)
  );
}

function firstBodyBlock(blocks: string[], head: number): number {
  for (let i = head + 1; i < blocks.length; i++) if (blocks[i]!.length > BODY_BLOCK && SENTENCE.test(blocks[i]!)) return i;
  return blocks.length;
}

function labelled(blocks: string[], head: number, bodyStart: number, atDay: Day): PublishedDate | null {
  // The article's own line first (between its headline and its body), then anywhere: a sidebar's list of
  // other articles may carry labels of its own before the headline.
  const zone = head >= 0 ? blocks.slice(head + 1, bodyStart) : [];
  for (const b of [...zone, ...blocks]) {
    if (b.length > LINE_MAX) continue;
    const hit = afterLabel(b, LABEL, atDay);
    if (hit) return { ...hit, source: 'label' };
  }
  // A bare label: in the metadata zone between the headline and the body, or on a line that is plainly metadata.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.length > LINE_MAX) continue;
    // Right under the headline, unless it opens a meeting's 时间/地点 pair.
    const underHeadline = head >= 0 && i > head && i <= head + 2 && i < bodyStart && !PLACE.test(blocks[i + 1] ?? '');
    if (!underHeadline && !METADATA_WORDS.test(b)) continue;
    const hit = afterLabel(b, BARE, atDay);
    // A page cannot have been published after the reference day: such a date is an event's.
    if (hit && hit.day <= atDay) return { ...hit, source: 'label' };
  }
  return null;
}

function afterLabel(text: string, label: RegExp, atDay: Day): (DateHit & { label: string }) | null {
  for (const m of text.matchAll(label)) {
    const start = (m.index ?? 0) + m[0].length;
    const after = text.slice(start, start + 24);
    const hit = findDate(after, atDay);
    if (hit && after.indexOf(hit.text) <= 2) return { ...hit, label: m[1]! };
  }
  return null;
}

const TABLE_LABEL = /^(发布日期|发布时间|生成日期|发文日期|公开日期|公开时间)\s*[:：]?$/;

function fromTable(blocks: string[], atDay: Day): PublishedDate | null {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const m = TABLE_LABEL.exec(blocks[i]!.replace(/[\s\u3000]+/g, ''));
    if (!m) continue;
    const hit = findDate(blocks[i + 1]!, atDay, { alone: true });
    if (hit && hit.hasYear && hit.text.length >= blocks[i + 1]!.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').length - 1) {
      return { ...hit, source: 'table', label: m[1]! };
    }
  }
  return null;
}

function underTitle(blocks: string[], head: number, atDay: Day): PublishedDate | null {
  if (head < 0) return null;
  for (let i = head + 1; i <= head + 3 && i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.length > BODY_BLOCK || SENTENCE.test(b) || PLACE.test(blocks[i + 1] ?? '')) break;
    const hit = findDate(b, atDay);
    if (hit?.hasYear && hit.day <= atDay) return { ...hit, source: 'under-title', label: null };
  }
  return null;
}

function fromMeta(metas: PublishedInput['metas'], atDay: Day): PublishedDate | null {
  for (const m of metas) {
    const name = META_NAMES.get(m.name.toLowerCase());
    if (!name) continue;
    const hit = findDate(m.content, atDay);
    if (hit?.hasYear) return { ...hit, source: 'meta', label: name };
  }
  return null;
}

function fromComments(comments: string[], atDay: Day): PublishedDate | null {
  for (const c of comments) {
    const hit = afterLabel(c, LABEL, atDay) ?? afterLabel(c, /(publishtime|pubdate|publishdate)\s*[:：=]?\s*["']?/gi, atDay);
    if (hit?.hasYear) return { ...hit, source: 'comment' };
  }
  return null;
}
