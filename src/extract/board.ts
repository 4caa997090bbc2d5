// Message boards (在线咨询, 领导信箱, 问政): each letter's title, the day it was asked, its status as the
// board words it, and the day it was answered. Board modules are bought apart from the CMS, so the
// reader relies on words, not templates: table columns are found by their header words (in any
// order, th or td), list rows by a title link beside a status word or a labelled date (留言时间：…).
import type { Element } from 'domhandler';
import type { Day } from '../model/day.js';
import { findDate } from './dates.js';
import { childElements, contains, descendants, textOf } from './dom.js';
import { anchorText, isMoreLink } from './links.js';
import { STATUS_WORDS } from '../model/reply-state.js';

export interface BoardMessage {
  title: string;
  url: string | null;
  askedOn: Day | null;
  repliedOn: Day | null;
  /** The status as the board shows it: 已回复, 未回复, 办理中 … */
  status: string | null;
}

/** Labels before a date: the day a letter came in, and the day it was answered. */
export const ASKED_LABEL = /(来信|留言|提问|咨询|写信|提交|投诉|提出|诉求|建议)(时间|日期)\s*[:：]?\s*/g;
export const REPLIED_LABEL = /(回复|答复|办结|反馈|回应|处理)(时间|日期)\s*[:：]?\s*/g;

/** The first date right after one of the labels, e.g. `回复时间：2026-11-05`. */
export function labelledDate(text: string, label: RegExp, atDay: Day): Day | null {
  for (const m of text.matchAll(label)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
    const hit = findDate(after, atDay, { alone: /^\s*[[(（]?\d{1,2}[-/.月]\d{1,2}日?[\])）]?\s*$/.test(after) });
    if (hit && after.indexOf(hit.text) <= 2) return hit.day;
  }
  return null;
}

const HEADERS = {
  status: /状态|办理情况|处理情况|回复情况|是否回复|是否办结/,
  replied: /(回复|答复|办结|反馈|回应)(时间|日期)/,
  date: /时间|日期/,
  boardDate: /来信|留言|提问|咨询|写信|提交|投诉|诉求/,
  title: /标题|主题|信件|内容|事项|问题|名称/,
  notTitle: /时间|日期|编号|序号|单位|部门|人|类[型别]|状态|点击|浏览|次数/,
};

type Col = 'title' | 'asked' | 'replied' | 'status';
type Cols = Partial<Record<Col, number>> & { boardWords?: boolean };

export function readBoard(root: Element, resolve: (href: string | null) => string | null, atDay: Day): BoardMessage[] {
  // Most pages are not boards: one look at the text spares the row-by-row reading.
  const text = textOf(root);
  if (!STATUS_WORDS.test(text) && !/(来信|留言|提问|咨询|回复|答复)(时间|日期)/.test(text)) return [];
  const fromTable = byHeaders(root, resolve, atDay);
  return fromTable.length > 0 ? fromTable : byRows(root, resolve, atDay);
}

function byHeaders(root: Element, resolve: (h: string | null) => string | null, atDay: Day): BoardMessage[] {
  for (const table of descendants(root, 'table')) {
    const rows = descendants(table, 'tr').filter((r) => descendants(r, 'table').length === 0);
    const header = rows.find((r) => childElements(r).some((c) => c.name === 'th')) ?? rows[0];
    if (!header || descendants(header, 'a').some((a) => anchorText(a).length > 8)) continue;
    const cols = columnsOf(header);
    // A 标题 | 发布日期 table is a news list; a board shows a status, a reply date or a letter's date.
    if (cols.title === undefined || (cols.status === undefined && cols.replied === undefined && !cols.boardWords)) continue;
    const messages = rows
      .slice(rows.indexOf(header) + 1)
      .map((r) =>
        fromCells(
          childElements(r).filter((c) => c.name === 'td' || c.name === 'th'),
          cols,
          resolve,
          atDay,
        ),
      )
      .filter((m): m is BoardMessage => m !== null);
    if (messages.length > 0) return messages;
  }
  return [];
}

function columnsOf(header: Element): Cols {
  const cols: Cols = {};
  childElements(header).forEach((cell, i) => {
    const t = textOf(cell).replace(/[↑↓▲▼\s]/g, '');
    if (t.length === 0 || t.length > 8) return;
    // Order matters: 回复时间 is a date column, 办理状态 a status, 信件标题 a title.
    if (cols.status === undefined && HEADERS.status.test(t)) cols.status = i;
    else if (cols.replied === undefined && HEADERS.replied.test(t)) cols.replied = i;
    else if (cols.asked === undefined && HEADERS.date.test(t)) {
      cols.asked = i;
      if (HEADERS.boardDate.test(t)) cols.boardWords = true;
    } else if (cols.title === undefined && HEADERS.title.test(t) && !HEADERS.notTitle.test(t)) cols.title = i;
  });
  return cols;
}

function fromCells(cells: Element[], cols: Cols, resolve: (h: string | null) => string | null, atDay: Day): BoardMessage | null {
  const titleCell = cells[cols.title!];
  if (!titleCell) return null;
  const a = descendants(titleCell, 'a').find((x) => !isMoreLink(x));
  const title = cleanTitle(a?.attribs.title?.trim() || (a ? anchorText(a) : textOf(titleCell)));
  if (title.length < 2) return null;
  const day = (i: number | undefined) =>
    i === undefined || !cells[i] ? null : (findDate(textOf(cells[i]!), atDay, { alone: true })?.day ?? null);
  const statusText = cols.status !== undefined && cells[cols.status] ? textOf(cells[cols.status]!) : '';
  const status = STATUS_WORDS.exec(statusText)?.[0] ?? (statusText || null);
  return { title, url: a ? resolve(a.attribs.href ?? null) : null, askedOn: day(cols.asked), repliedOn: day(cols.replied), status };
}

const ROW_ACTIONS = /^(详细|详情|查看|回复|答复|进入|点击查看|查看详情|阅读全文|首页|尾页|上一页|下一页)$/;
const ROW_TAGS = new Set(['li', 'tr', 'dl', 'div', 'p', 'section', 'article']);

/**
 * Boards laid out as lists: the innermost element holding one title link and, beside it, a status word
 * or a labelled date. Dates: labelled ones where labelled, else the first is asked and the second answered.
 */
function byRows(root: Element, resolve: (h: string | null) => string | null, atDay: Day): BoardMessage[] {
  const rows: { el: Element; msg: BoardMessage }[] = [];
  for (const el of descendants(root)) {
    if (!ROW_TAGS.has(el.name)) continue;
    const msg = rowMessage(el, resolve, atDay);
    if (msg) rows.push({ el, msg });
  }
  const inner = rows.filter((r) => !rows.some((o) => o !== r && contains(r.el, o.el)));
  // One loose <div> with a status word is a page, not a list: div/p layouts need at least two rows.
  const loose = inner.every((r) => !['li', 'tr', 'dl'].includes(r.el.name));
  return loose && inner.length < 2 ? [] : inner.map((r) => r.msg);
}

function rowMessage(row: Element, resolve: (h: string | null) => string | null, atDay: Day): BoardMessage | null {
  // Short titles (测试, 咨询) are letters too: the rule, not the reader, decides they are not valid.
  const titled = descendants(row, 'a').filter((a) => !isMoreLink(a) && anchorText(a).length >= 2 && !ROW_ACTIONS.test(anchorText(a)));
  if (titled.length === 0 || new Set(titled.map((a) => a.attribs.href)).size > 2) return null;
  const a = titled.reduce((x, y) => (anchorText(y).length > anchorText(x).length ? y : x));
  const shown = anchorText(a);
  // Status and dates come from the row around the title, never from the title itself.
  const rest = textOf(row).replace(shown, ' ');
  const status = STATUS_WORDS.exec(rest)?.[0] ?? null;
  const asked = labelledDate(rest, ASKED_LABEL, atDay);
  const replied = labelledDate(rest, REPLIED_LABEL, atDay);
  if (!status && !asked && !replied) return null;
  let askedOn = asked;
  let repliedOn = replied;
  if (!asked && !replied) {
    const dates = [...rest.matchAll(/(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?/g)].map(
      (m) => findDate(m[0], atDay)?.day ?? null,
    );
    askedOn = dates[0] ?? null;
    repliedOn = dates[1] ?? null;
  }
  return { title: cleanTitle(a.attribs.title?.trim() || shown), url: resolve(a.attribs.href ?? null), askedOn, repliedOn, status };
}

function cleanTitle(t: string): string {
  return t
    .replace(/^[\s·•●◆■□▪►>\-–—*]+/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

// A sentence saying so is the best evidence; a board named 来信选登 says it by its name.
// Each with a character it cannot match without: the first pattern's leading run is tried at every
// position of the page's text, so a page without 只 or 仅 is not searched with it at all.
const ANSWERED_ONLY: [RegExp, RegExp][] = [
  [
    /[只仅]/,
    /[^。；;，,\s]{0,12}(只|仅)(公开|显示|展示|发布|刊登|选登)[^。；;]{0,8}(已回复|已答复|已办结|回复|答复|办结)[^。；;，,\s]{0,12}/,
  ],
  [/[登选精结复答]/, /(来信|信件|留言|咨询|问政)(选登|摘登|精选)|已(办结|回复|答复)信件(公开|选登|列表)/],
];

/** The words by which a board says it publishes only answered letters (unanswered ones are not shown), or null. */
export function answeredOnlyNote(text: string): string | null {
  for (const [needed, re] of ANSWERED_ONLY) {
    if (!needed.test(text)) continue;
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** How many list pages the board says it has (共12页, 第1/12页, 1/12), or null. */
export function pageCountOf(text: string): number | null {
  const m = /共\s*(\d{1,5})\s*页/.exec(text) ?? /第?\s*\d{1,5}\s*\/\s*(\d{1,5})\s*页/.exec(text);
  return m ? Number(m[1]) : null;
}
