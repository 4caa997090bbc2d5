// Every text window that is one protected term with one edit a person is likely to make: a character
// replaced by one of the same sound or a similar shape, a character inside it dropped, or a character
// that repeats or resembles a neighbour added. The variants are not listed ahead of time (a few hundred
// terms make hundreds of thousands of them, ~150 MB as a trie): each term is indexed by its first two
// and its last two characters, which one edit cannot both break in a term of four characters or more,
// and a window found through either is compared with the term itself.
import type { Match } from './matcher.js';

export type Edit = 'sound' | 'shape' | 'dropped' | 'added';

export interface TermOptions {
  /** Characters never replaced, dropped or added: numerals (党的十八大 and 党的十九大 are both right). */
  fixed: ReadonlySet<string>;
  /** Common characters that sound like `ch`, and that look like it. */
  alikes(ch: string): { sound: ReadonlySet<string>; shape: ReadonlySet<string>; near?: ReadonlySet<string> };
  /**
   * Looser look-alikes (the Unihan shape neighbours), trusted only inside a term of five characters or
   * more, never at its ends: 中国人叫 is Chinese, 中华人民共和国海关对 is a sentence going on.
   */
  innerLookAlikes?(ch: string): ReadonlySet<string>;
  /** Is this a function word (是, 不, 的)? One in a term's place makes grammar: 中国是现代化, 应急管理不到位. */
  isGrammar?(ch: string): boolean;
  /**
   * Is this two-character string a frequent word? A four-character term whose edited end makes one
   * (四个意思) is an ordinary phrase.
   */
  isCommonWord?(pair: string): boolean;
  /** Is this two-character string a word? A law title whose replaced character makes one (税法 for 水法) names another law. */
  isWord?(pair: string): boolean;
  minDropped: number;
  minAdded: number;
}

/** Which edits a term is found with: a law's full title only with a character replaced (中华人民共和国税法 is a phrase). */
export type TermEdits = 'all' | 'replaced';

export interface TermShape {
  edits: TermEdits;
  /** Its first and last characters are never replaced: 国务院参事 and 全国人大常委 are titles a name or a clause follows. */
  fixedEnds: boolean;
}

interface Indexed<V> extends TermShape {
  term: string;
  value: V;
}

export class TermVariants<V> {
  private byFirst = new Map<string, Indexed<V>[]>();
  private byLast = new Map<string, Indexed<V>[]>();
  size = 0;

  constructor(private o: TermOptions) {}

  /** A term of 4 characters or more, all in the Basic Multilingual Plane (every common hanzi is). */
  add(term: string, value: V, shape: Partial<TermShape> = {}): void {
    if (term.length < 4 || [...term].length !== term.length) throw new Error(`term-variants: cannot index "${term}"`);
    const entry = { term, value, edits: shape.edits ?? 'all', fixedEnds: shape.fixedEnds ?? false };
    const push = (m: Map<string, Indexed<V>[]>, key: string) => (m.get(key) ?? m.set(key, []).get(key)!).push(entry);
    push(this.byFirst, term.slice(0, 2));
    push(this.byLast, term.slice(-2));
    this.size++;
  }

  /** Every window of `text` that is an indexed term with one edit, with the edit made, by start then length. */
  findAll(text: string): Match<V & { how: Edit }>[] {
    const out = new Map<string, Match<V & { how: Edit }>>();
    const consider = (e: Indexed<V>, start: number, end: number) => {
      if (start < 0 || end > text.length) return;
      const key = `${start}:${end}:${e.term}`;
      if (out.has(key)) return;
      const window = text.slice(start, end);
      const how = this.edit(e.term, window, e);
      if (how) out.set(key, { start, end, text: window, value: { ...e.value, how } });
    };
    for (let p = 0; p + 1 < text.length; p++) {
      const bigram = text.slice(p, p + 2);
      for (const e of this.byFirst.get(bigram) ?? []) {
        const n = e.term.length;
        for (const len of [n, n - 1, n + 1]) consider(e, p, p + len);
      }
      for (const e of this.byLast.get(bigram) ?? []) {
        const n = e.term.length;
        for (const len of [n, n - 1, n + 1]) consider(e, p + 2 - len, p + 2);
      }
    }
    return [...out.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The one edit that turns `term` into `w`, or null when it takes none or more than one. */
  private edit(term: string, w: string, { edits, fixedEnds }: TermShape): Edit | null {
    const n = term.length;
    if (w.length === n) {
      let at = -1;
      for (let i = 0; i < n; i++) {
        if (term[i] === w[i]) continue;
        if (at >= 0) return null;
        at = i;
      }
      if (at < 0 || this.o.fixed.has(term[at]!)) return null;
      const edge = at === 0 || at === n - 1;
      if (edge && fixedEnds) return null;
      // Inside a long term a function word is a slip (中央军是委员会); at an end or in a short one, grammar.
      if ((edge || n <= 6) && this.o.isGrammar?.(w[at]!)) return null;
      if (edge && n === 4 && this.o.isCommonWord?.(at === 0 ? w.slice(0, 2) : w.slice(-2))) return null;
      if (
        edits === 'replaced' &&
        this.o.isWord &&
        ((at > 0 && this.o.isWord(w.slice(at - 1, at + 1))) || this.o.isWord(w.slice(at, at + 2)))
      )
        return null;
      const a = this.o.alikes(term[at]!);
      if (a.sound.has(w[at]!)) return 'sound';
      // A dialect's near sound at a term's start is the end of the word before it as often (两省发展格局, 总共中央).
      if (at > 0 && a.near?.has(w[at]!)) return 'sound';
      if (a.shape.has(w[at]!)) return 'shape';
      return !edge && n >= 5 && this.o.innerLookAlikes?.(term[at]!).has(w[at]!) ? 'shape' : null;
    }
    if (edits === 'replaced') return null;
    if (w.length === n - 1 && n >= this.o.minDropped) {
      // Only inside the term: without its first or last character a term is just a shorter phrase.
      // A character that repeats an end one (立法法 as 立法) drops the end, whichever copy is named.
      if (w === term.slice(1) || w === term.slice(0, -1)) return null;
      for (let i = 1; i < n - 1; i++) if (!this.o.fixed.has(term[i]!) && term.slice(0, i) + term.slice(i + 1) === w) return 'dropped';
      return null;
    }
    if (w.length === n + 1 && n >= this.o.minAdded) {
      // An added character is only trusted when it repeats or resembles a neighbour (共和和国, 共和合国);
      // any other insertion may be ordinary grammar (人民代表在大会上).
      for (let i = 1; i < n; i++) {
        if (term.slice(0, i) !== w.slice(0, i) || term.slice(i) !== w.slice(i + 1)) continue;
        const extra = w[i]!;
        for (const near of [term[i - 1]!, term[i]!]) {
          if (extra === near) return 'added';
          const a = this.o.alikes(near);
          if (!this.o.fixed.has(near) && (a.sound.has(extra) || a.near?.has(extra) || a.shape.has(extra))) return 'added';
        }
      }
    }
    return null;
  }
}
