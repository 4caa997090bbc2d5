// The serious-error lexicons (protected terms, known errors, leaders' names, look-alike characters):
// validated on load and compiled once into one matcher of every variant a person is likely to type.
import { z } from 'zod';
import { homophones, isCommonHanzi, NUMERALS, shapeMap } from './chars.js';
import { Matcher } from './matcher.js';
import { splitByWords } from './segment.js';
import { dropOverlaps, type TextHit } from './text-hit.js';
import { urlSpans, inSpans } from './text-spans.js';
import { excepted } from './typo-lexicon.js';

const KINDS = ['country', 'organ', 'party', 'formulation', 'place'] as const;

export const protectedTermsSchema = z.object({
  reviewed: z.string().min(1),
  terms: z.array(z.strictObject({ term: z.string().min(4), kind: z.enum(KINDS), except: z.array(z.string()).default([]) })),
  knownErrors: z.array(
    z.strictObject({ wrong: z.string().min(2), right: z.string().min(2), kind: z.enum(KINDS), except: z.array(z.string()).default([]) }),
  ),
});
export const leadersSchema = z.object({
  reviewed: z.string().min(1),
  basis: z.string().optional(),
  names: z.array(z.strictObject({ name: z.string().min(2).max(4), titles: z.array(z.string().min(2)).min(1) })),
});
export const similarCharsSchema = z.object({ shapes: z.record(z.string().length(1), z.string().min(1)) });

export type ProtectedTerms = z.infer<typeof protectedTermsSchema>;
export type Leaders = z.infer<typeof leadersSchema>;
export type SimilarChars = z.infer<typeof similarCharsSchema>;

interface Variant {
  right: string;
  kind: string;
  how: 'known' | 'sound' | 'shape' | 'dropped' | 'added' | 'name';
  except: string[];
  /** A leader's name counts only beside one of these titles. */
  titles?: string[];
}

export interface SeriousChecker {
  check(text: string): TextHit[];
  /** Variants compiled, for the benchmark and `--debug`. */
  size: number;
}

/** Terms below this length get no generated variants: 攻府 is caught as a known error, not as a pattern. */
const MIN_VARIED = 4;
const MIN_DROPPED = 6;
const MIN_ADDED = 5;

export function compileSerious(terms: ProtectedTerms, leaders: Leaders, similar: SimilarChars): SeriousChecker {
  const shapes = shapeMap(similar.shapes);
  const variants = new Matcher<Variant>();
  const correct = new Matcher<true>();
  const add = (wrong: string, v: Variant) => {
    if (wrong !== v.right) variants.add(wrong, v);
  };
  const alikes = (ch: string): [string, 'sound' | 'shape'][] => {
    if (NUMERALS.has(ch)) return [];
    const sound = homophones(ch).map((h): [string, 'sound'] => [h, 'sound']);
    const shape = [...(shapes.get(ch) ?? [])].filter(isCommonHanzi).map((h): [string, 'shape'] => [h, 'shape']);
    return [...sound, ...shape];
  };

  for (const t of terms.terms) {
    const chars = [...t.term];
    correct.add(t.term, true);
    if (chars.length < MIN_VARIED) continue;
    const base = { right: t.term, kind: t.kind, except: t.except };
    chars.forEach((ch, i) => {
      for (const [alt, how] of alikes(ch)) add([...chars.slice(0, i), alt, ...chars.slice(i + 1)].join(''), { ...base, how });
    });
    if (chars.length >= MIN_DROPPED) {
      // Only inside the term: without its first or last character a term is just a shorter phrase.
      for (let i = 1; i < chars.length - 1; i++) {
        if (!NUMERALS.has(chars[i]!)) add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''), { ...base, how: 'dropped' });
      }
    }
    if (chars.length >= MIN_ADDED) {
      // An added character is only trusted when it repeats or resembles a neighbour (共和和国, 共和合国);
      // any other insertion may be ordinary grammar (人民代表在大会上).
      for (let i = 1; i < chars.length; i++) {
        const near = new Set<string>([chars[i - 1]!, chars[i]!]);
        for (const n of [chars[i - 1]!, chars[i]!]) for (const [alt] of alikes(n)) near.add(alt);
        for (const extra of near) add([...chars.slice(0, i), extra, ...chars.slice(i)].join(''), { ...base, how: 'added' });
      }
    }
  }
  for (const k of terms.knownErrors) add(k.wrong, { right: k.right, kind: k.kind, how: 'known', except: k.except });
  for (const l of leaders.names) {
    const chars = [...l.name];
    correct.add(l.name, true);
    chars.forEach((ch, i) => {
      for (const alt of homophones(ch))
        add([...chars.slice(0, i), alt, ...chars.slice(i + 1)].join(''), {
          right: l.name,
          kind: 'leader',
          how: 'name',
          except: [],
          titles: l.titles,
        });
    });
  }

  return {
    size: variants.size,
    check(text) {
      const found = variants.findAll(text);
      if (found.length === 0) return [];
      const rightOnes = correct.findAll(text);
      const urls = urlSpans(text);
      const hits: TextHit[] = [];
      for (const f of found) {
        const v = f.value;
        // A variant inside a correctly written term (or the term inside it) is that term, not an error.
        if (rightOnes.some((r) => r.start <= f.start && r.end >= f.end) || f.text.includes(v.right)) continue;
        if (inSpans(urls, f.start, f.end) || excepted(text, f.start, f.end, v.except)) continue;
        if (v.titles && !besideTitle(text, f.start, f.end, v.titles)) continue;
        if (splitByWords(text, f.start, f.end)) continue;
        hits.push({ rule: 'serious-error', start: f.start, end: f.end, wrong: f.text, suggestion: v.right, how: v.how, kind: v.kind });
      }
      return dropOverlaps(hits);
    },
  };
}

function besideTitle(text: string, start: number, end: number, titles: string[]): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  const after = text.slice(end, end + 6);
  return titles.some((t) => before.endsWith(t) || after.startsWith(t));
}
