// Message boards (在线咨询, 领导信箱, 问政): each letter's title, the day it was asked, its status as the
// board words it, and the day it was answered. Columns are found by their header words, so the order
// of a board module's columns does not matter; list layouts without headers are read by status words.
import type { Element } from 'domhandler';
import type { Day } from '../rules/types.js';
import { findDate } from './dates.js';
import { childElements, descendants, textOf } from './dom.js';
import { anchorText } from './links.js';

export interface BoardMessage {
  title: string;
  url: string | null;
  askedOn: Day | null;
  repliedOn: Day | null;
  /** The status as the board shows it: 已回复, 未回复, 办理中 … */
  status: string | null;
}

const HEADERS = {
  title: /标题|主题|信件|留言内容|咨询内容|事项/,
  asked: /来信|留言|提问|咨询|写信|提交|发布|受理/,
  replied: /回复|答复|办结|反馈/,
  status: /状态/,
};
const STATUS = /已回复|未回复|待回复|已答复|未答复|已办结|未办结|办理中|处理中|已处理|已受理|待受理|已转办|已公开/;

type Col = keyof typeof HEADERS;

export function readBoard(root: Element, resolve: (href: string | null) => string | null, atDay: Day): BoardMessage[] {
  for (const table of descendants(root, 'table')) {
    const rows = descendants(table, 'tr').filter((r) => !descendants(r, 'table').length);
    const header = rows.find((r) => childElements(r).some((c) => c.name === 'th') || rows.indexOf(r) === 0);
    if (!header) continue;
    const cols = columnsOf(header);
    if (cols.title === undefined || (cols.status === undefined && cols.replied === undefined)) continue;
    const messages = rows
      .filter((r) => r !== header)
      .map((r) => fromCells(childElements(r).filter((c) => c.name === 'td' || c.name === 'th'), cols, resolve, atDay))
      .filter((m): m is BoardMessage => m !== null);
    if (messages.length > 0) return messages;
  }
  return byStatusWords(root, resolve, atDay);
}

function columnsOf(header: Element): Partial<Record<Col, number>> {
  const cols: Partial<Record<Col, number>> = {};
  childElements(header).forEach((cell, i) => {
    const t = textOf(cell);
    if (t.length > 8) return;
    // Order matters: 回复时间 is a reply date even though 回复 might also read as a title word.
    if (cols.status === undefined && HEADERS.status.test(t)) cols.status = i;
    else if (cols.replied === undefined && HEADERS.replied.test(t)) cols.replied = i;
    else if (cols.title === undefined && HEADERS.title.test(t) && !/时间|日期|编号/.test(t)) cols.title = i;
    else if (cols.asked === undefined && HEADERS.asked.test(t) && /时间|日期/.test(t)) cols.asked = i;
  });
  return cols;
}

function fromCells(cells: Element[], cols: Partial<Record<Col, number>>, resolve: (h: string | null) => string | null, atDay: Day): BoardMessage | null {
  const titleCell = cells[cols.title!];
  if (!titleCell) return null;
  const a = descendants(titleCell, 'a')[0];
  const title = (a?.attribs.title?.trim() || (a ? anchorText(a) : textOf(titleCell))).trim();
  if (title.length < 2) return null;
  const day = (i: number | undefined) => (i === undefined || !cells[i] ? null : (findDate(textOf(cells[i]!), atDay, { alone: true })?.day ?? null));
  const status = cols.status !== undefined && cells[cols.status] ? textOf(cells[cols.status]!) || null : null;
  return { title, url: a ? resolve(a.attribs.href ?? null) : null, askedOn: day(cols.asked), repliedOn: day(cols.replied), status };
}

/** Boards laid out as lists: a row with a link and a status word; its first date asked, its second answered. */
function byStatusWords(root: Element, resolve: (h: string | null) => string | null, atDay: Day): BoardMessage[] {
  const out: BoardMessage[] = [];
  for (const row of descendants(root).filter((e) => e.name === 'li' || e.name === 'tr' || e.name === 'dl')) {
    const text = textOf(row);
    const status = STATUS.exec(text);
    const a = descendants(row, 'a').find((x) => anchorText(x).length >= 4);
    if (!status || !a || descendants(row, 'li').length > 0) continue;
    const dates = [...text.matchAll(/(19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?/g)].map((m) => findDate(m[0], atDay)?.day ?? null);
    out.push({ title: a.attribs.title?.trim() || anchorText(a), url: resolve(a.attribs.href ?? null), askedOn: dates[0] ?? null, repliedOn: dates[1] ?? null, status: status[0] });
  }
  return out;
}
