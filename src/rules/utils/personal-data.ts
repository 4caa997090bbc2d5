// Personal data a page should never show whole: 居民身份证号码 (GB 11643), bank card numbers, and
// citizens' mobile numbers in 公示 lists. Detection is strict, because a false finding names an office
// on a public list: an ID number must pass its check digit, start with a province's code and hold a
// real birth date; a card number must pass Luhn and sit beside a word about cards or accounts; a
// mobile counts only beside an ID number or among many on one page (a roster), never as the one
// contact number a page gives for its service. Masked forms (430102********1234, 138****1234) are
// what the rules ask for, and never match: a masked digit is not a digit.
import type { Day } from '../../model/day.js';

/** 省级行政区划代码 (GB/T 2260): the first two digits of every ID number. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Whether an 18-character string is a 居民身份证号码 that could have been issued before `atDay`. */
export function isIdNumber(s: string, atDay: Day): boolean {
  if (!/^\d{17}[\dX]$/i.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  // The prefecture and county digits are never 00 in an issued number.
  if (s.slice(2, 4) === '00' || s.slice(4, 6) === '00') return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  if (birth.toISOString().slice(0, 10) > atDay) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === s[17]!.toUpperCase();
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

// A run of digits not glued to other digits, letters or a mask: 430102********1234 is no match, and
// neither is a digit run inside a longer code (统一社会信用代码, order numbers).
const ID = /(?<![0-9A-Za-z*＊])\d{17}[\dXx](?![0-9A-Za-z*＊])/g;
const MOBILE = /(?<![0-9A-Za-z*＊])1[3-9]\d{9}(?![0-9A-Za-z*＊])/g;
const CARD = /(?<![0-9A-Za-z*＊])(?:\d[ -]?){15,18}\d(?![0-9A-Za-z*＊])/g;
const CARD_CONTEXT = /银行卡|卡号|账号|帐号|银行账户|开户行|开户银行|储蓄卡|借记卡|信用卡|社保卡|一卡通|存折/;

export type PersonalKind = 'id-number' | 'bank-card' | 'mobile';

export interface PersonalHit {
  kind: PersonalKind;
  /** The block's index on its page. */
  block: number;
  /** The masked form: the only form of the number a finding, report or log may carry. */
  masked: string;
}

export function mask(kind: PersonalKind, value: string): string {
  const v = value.replace(/[ -]/g, '');
  if (kind === 'id-number') return `${v.slice(0, 6)}********${v.slice(-4)}`;
  if (kind === 'mobile') return `${v.slice(0, 3)}****${v.slice(-4)}`;
  return `${v.slice(0, 4)} **** **** ${v.slice(-4)}`;
}

export interface PageScanOptions {
  atDay: Day;
  /** Blocks either side of an ID number where a mobile belongs to the same person's row. */
  rowBlocks: number;
  /** Distinct unmasked mobiles on one page that make it a roster. */
  rosterMobiles: number;
}

/** The personal numbers a page's text blocks show whole, each kind deduplicated by value. */
export function scanPersonalData(blocks: string[], o: PageScanOptions): PersonalHit[] {
  // A card number counts beside a word about cards: in its block or the one before (a label cell).
  return scanBlocks(blocks, (i) => CARD_CONTEXT.test(blocks[i]!) || (i > 0 && CARD_CONTEXT.test(blocks[i - 1]!)), o);
}

export interface SheetRow {
  /** The sheet, table or page the row is on. */
  part: string | null;
  cells: string[];
}

/**
 * The personal numbers an attachment's rows show whole. A row is one person's: a mobile counts in the
 * row of an ID number or a card (or among a roster's), never a row away. A card number counts in a row
 * that says 卡号 or under a heading row of its sheet that does (the column's header).
 */
export function scanRows(rows: SheetRow[], o: Omit<PageScanOptions, 'rowBlocks'>): PersonalHit[] {
  const blocks = rows.map((r) => r.cells.join(' '));
  const cardContext: boolean[] = [];
  let part: string | null | undefined;
  let headed = false;
  rows.forEach((r, i) => {
    if (r.part !== part) {
      part = r.part;
      headed = false;
    }
    const says = CARD_CONTEXT.test(blocks[i]!);
    cardContext.push(says || headed);
    headed ||= says;
  });
  return scanBlocks(blocks, (i) => cardContext[i]!, { ...o, rowBlocks: 0 });
}

function scanBlocks(blocks: string[], cardContext: (i: number) => boolean, o: PageScanOptions): PersonalHit[] {
  const ids = new Map<string, number>();
  const cards = new Map<string, number>();
  const mobiles = new Map<string, number>();
  blocks.forEach((b, i) => {
    for (const m of b.matchAll(ID)) if (isIdNumber(m[0], o.atDay) && !ids.has(m[0].toUpperCase())) ids.set(m[0].toUpperCase(), i);
    if (cardContext(i)) {
      for (const m of b.matchAll(CARD)) {
        const digits = m[0].replace(/[ -]/g, '');
        if (digits.length >= 16 && digits.length <= 19 && luhn(digits) && !isIdNumber(digits, o.atDay) && !cards.has(digits))
          cards.set(digits, i);
      }
    }
    for (const m of b.matchAll(MOBILE)) if (!mobiles.has(m[0])) mobiles.set(m[0], i);
  });
  const personBlocks = [...ids.values(), ...cards.values()];
  const roster = mobiles.size >= o.rosterMobiles;
  const hits: PersonalHit[] = [];
  for (const [v, block] of ids) hits.push({ kind: 'id-number', block, masked: mask('id-number', v) });
  for (const [v, block] of cards) hits.push({ kind: 'bank-card', block, masked: mask('bank-card', v) });
  for (const [v, block] of mobiles) {
    if (roster || personBlocks.some((b) => Math.abs(b - block) <= o.rowBlocks))
      hits.push({ kind: 'mobile', block, masked: mask('mobile', v) });
  }
  return hits;
}
