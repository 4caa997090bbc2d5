// Many literal patterns found in one pass over a text: a character trie walked from each position.
// Lexicons hold tens of thousands of patterns (every variant of every protected term), so a regex
// alternation would be slow to build and to run.

interface Node<T> {
  next: Map<string, Node<T>>;
  out: T[];
}

export interface Match<T> {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  text: string;
  value: T;
}

export class Matcher<T> {
  private root: Node<T> = { next: new Map(), out: [] };
  size = 0;

  add(pattern: string, value: T): void {
    if (!pattern) return;
    let n = this.root;
    for (const ch of pattern) {
      let c = n.next.get(ch);
      if (!c) n.next.set(ch, (c = { next: new Map(), out: [] }));
      n = c;
    }
    n.out.push(value);
    this.size++;
  }

  /** Every occurrence of every pattern, overlapping ones included, by start then length. */
  findAll(text: string): Match<T>[] {
    const found: Match<T>[] = [];
    for (let i = 0; i < text.length; ) {
      let n: Node<T> | undefined = this.root;
      let j = i;
      while (j < text.length) {
        const cp = text.codePointAt(j)!;
        const ch = String.fromCodePoint(cp);
        n = n.next.get(ch);
        if (!n) break;
        j += ch.length;
        for (const value of n.out) found.push({ start: i, end: j, text: text.slice(i, j), value });
      }
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    return found;
  }
}
