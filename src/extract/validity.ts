// Validity marks of 规范性文件 (有效, 失效, 废止, 有效期至…) as pages print them: a labelled field
// (有效性：现行有效, 效力状态 已废止, 时效性：有效), a validity period (有效期至2031年12月31日, 有效期5年),
// a status in brackets (an entry's [有效] tag, a title's （已废止） suffix), or a status word alone in a
// cell (有效). A title that
// only speaks of validity (关于废止部分规范性文件的决定) is not a mark. Pure.

const STATUS = '(?:现行)?有效|部分有效|部分失效|已?失效|已?废止|已修改|已修订|尚未生效|未生效';
const LABELLED = new RegExp(`(?:有效性|效力状态|效力级别|时效性|效力|有效状态|文件状态)\\s*[:：]?\\s*(?:${STATUS})`);
const PERIOD = /有效期(?:自|至|为|：|:|\s*[0-9一二三四五六七八九十两]+\s*年)/;
const BARE = new RegExp(`^[\\[【（(]?(?:${STATUS})[\\]】）)]?$`);
/** A status in brackets anywhere: a list entry's tag ([有效]), a title's suffix (（已废止）). */
const BRACKETED = new RegExp(`[\\[【（(](?:${STATUS})[\\]】）)]`);

/** The validity marks among a page's text blocks, as written (at most `max`). */
export function validityMarks(blocks: readonly string[], max = 5): string[] {
  const out: string[] = [];
  for (const raw of blocks) {
    const b = raw.replace(/\s+/g, ' ').trim();
    const m = LABELLED.exec(b) ?? PERIOD.exec(b) ?? BRACKETED.exec(b) ?? (b.length <= 8 ? BARE.exec(b.replace(/\s/g, '')) : null);
    if (!m) continue;
    const around = b.length <= 40 ? b : b.slice(Math.max(0, m.index - 10), m.index + m[0].length + 20);
    if (!out.includes(around)) out.push(around);
    if (out.length >= max) break;
  }
  return out;
}
