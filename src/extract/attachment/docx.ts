// A Word document's text from its word/document.xml (WordprocessingML, ECMA-376 part 1 §17): each
// table row is a row of cells (a 公示 list is nearly always a table), each paragraph outside a table
// a row of one cell. Content controls and text boxes are read where they stand. Headers, footers and
// comments are not: a list of people is in the body.
import type { Element, Node } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { RowSink } from './rows.js';

export function readDocx(documentXml: Buffer, sink: RowSink): void {
  const doc = parseDocument(documentXml.toString('utf8'), { xmlMode: true });
  const body = find(doc.children, 'w:body');
  if (!body) return;
  let tables = 0;
  let paragraphs = 0;
  const walk = (nodes: Node[]): boolean => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'w:tbl') {
        const part = `表${++tables}`;
        let r = 0;
        for (const tr of rowsOf(n)) if (!sink.add(part, ++r, cellsOf(tr).map(textOf))) return false;
      } else if (n.name === 'w:p') {
        paragraphs++;
        if (!sink.add(null, paragraphs, [textOf(n)])) return false;
      } else if (!walk(n.children)) return false;
    }
    return true;
  };
  walk(body.children);
}

function isElement(n: Node): n is Element {
  return n.type === 'tag';
}

function find(nodes: Node[], name: string): Element | null {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (n.name === name) return n;
    const inner = find(n.children, name);
    if (inner) return inner;
  }
  return null;
}

/** The table's rows, through the content controls (w:sdt) that may wrap them; nested tables stay in their cell. */
function rowsOf(tbl: Element): Element[] {
  const out: Element[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'w:tr') out.push(n);
      else if (n.name === 'w:sdt' || n.name === 'w:sdtContent' || n.name === 'w:customXml') walk(n.children);
    }
  };
  walk(tbl.children);
  return out;
}

function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'w:tc') out.push(n);
      else if (n.name === 'w:sdt' || n.name === 'w:sdtContent' || n.name === 'w:customXml') walk(n.children);
    }
  };
  walk(tr.children);
  return out;
}

/** The text a person reads in an element: runs' text, tabs and breaks as spaces, paragraphs apart. */
function textOf(el: Element): string {
  const parts: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'w:t') parts.push(n.children.map((c) => (c as unknown as { data?: string }).data ?? '').join(''));
      else if (n.name === 'w:tab' || n.name === 'w:br' || n.name === 'w:cr') parts.push(' ');
      else if (n.name === 'w:delText' || n.name === 'w:instrText') continue;
      else {
        walk(n.children);
        if (n.name === 'w:p') parts.push(' ');
      }
    }
  };
  walk(el.children);
  return parts.join('').trim();
}
