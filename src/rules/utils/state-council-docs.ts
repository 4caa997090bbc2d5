// State Council documents as the reference list gives them, and the normal forms they are matched by:
// a 发文字号 is written 国发〔2026〕5号, 国发[2026]5号 or 国发（2026）5号 depending on the CMS's font.

export interface StateCouncilDoc {
  title: string;
  /** 发文字号, as the list writes it; null for documents without one (important policies, 国务院常务会议). */
  number: string | null;
  /** The day it was published on www.gov.cn (+08:00). */
  published: string;
  url: string | null;
}

const OPEN = /[〔［\[(（【]/gu;
const CLOSE = /[〕］\])）】]/gu;

export function normalizeDocNumber(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(OPEN, '〔')
    .replace(CLOSE, '〕')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** 发文字号 in a text: an issuer abbreviation, a bracketed year, a serial, 号. */
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,10})\s*[〔［\[(（【]\s*((?:19|20)\d{2})\s*[〕］\])）】]\s*(\d{1,4})\s*号/gu;

/** Regulations and orders are numbered without a year: 国务院令第820号. */
const ORDER_NUMBER = /([\u4e00-\u9fa5]{2,12}令)\s*第\s*(\d{1,5})\s*号/gu;

export function docNumbersIn(text: string): string[] {
  return [
    ...[...text.matchAll(DOC_NUMBER)].map((m) => normalizeDocNumber(`${m[1]}〔${m[2]}〕${m[3]}号`)),
    ...[...text.matchAll(ORDER_NUMBER)].map((m) => normalizeDocNumber(`${m[1]}第${m[2]}号`)),
  ];
}

/** Titles compared without spaces, punctuation or title marks, digits half-width. */
export function normalizeTitle(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000《》〈〉“”‘’"'「」『』、，,.。：:；;！!？?（）()\[\]【】〔〕—–\-_·…]/gu, '');
}

/**
 * Does a title seen on the site name this document? Equal once normalised, or, for a list title the
 * CMS cut short with …, a prefix of at least 12 characters. A site may add its own lead (转发 or
 * 国务院关于…) but not change the title's words.
 */
export function titleNames(seen: string, doc: string): boolean {
  const d = normalizeTitle(doc);
  const cut = /(…|\.\.\.)\s*$/.test(seen);
  const s = normalizeTitle(seen);
  if (s.length === 0 || d.length === 0) return false;
  if (s === d || (s.length > d.length && s.endsWith(d) && s.length - d.length <= 6)) return true;
  return cut && s.length >= 12 && d.startsWith(s);
}
