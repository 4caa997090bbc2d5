// Many literal patterns found in one pass over a text: a character trie walked from each position.
// Lexicons hold tens of thousands of patterns (every variant of every protected term), so a regex
// alternation would be slow to build and to run. Most nodes have one child or none, and most carry no
// pattern: a lone child is held in the node itself, a map is made only for a second child, and the
// list only for a pattern. With a Map and an array on every node, the serious-error lexicon's 34,610
// variants took about 61 MB of heap.

interface Node<T> {
  /** The only child and its character, until a second child makes `next`. */
  key: string | null;
  only: Node<T> | null;
  next: Map<string, Node<T>> | null;
  out: T[] | null;
}

const leaf = <T>(): Node<T> => ({ key: null, only: null, next: null, out: null });

function child<T>(n: Node<T>, ch: string): Node<T> | undefined {
  if (n.key === ch) return n.only!;
  return n.next?.get(ch);
}

function addChild<T>(n: Node<T>, ch: string): Node<T> {
  const c = leaf<T>();
  if (n.key === null && n.next === null) {
    n.key = ch;
    n.only = c;
  } else {
    if (n.key !== null) {
      n.next = new Map([[n.key, n.only!]]);
      n.key = null;
      n.only = null;
    }
    n.next!.set(ch, c);
  }
  return c;
}

export interface Match<T> {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  text: string;
  value: T;
}

export class Matcher<T> {
  private root: Node<T> = leaf();
  size = 0;

  add(pattern: string, value: T): void {
    if (!pattern) return;
    let n = this.root;
    for (const ch of pattern) {
      n = child(n, ch) ?? addChild(n, ch);
    }
    (n.out ??= []).push(value);
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
        n = child(n, ch);
        if (!n) break;
        j += ch.length;
        if (n.out) for (const value of n.out) found.push({ start: i, end: j, text: text.slice(i, j), value });
      }
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    return found;
  }
}
