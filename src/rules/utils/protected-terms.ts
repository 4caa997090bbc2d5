// The serious-error lexicons (protected terms, known errors, leaders' names, look-alike characters):
// validated on load and compiled once into one matcher of every variant a person is likely to type.
import { z } from 'zod';
import { homophones, isCommonHanzi, nearHomophones, NUMERALS, shapeMap } from './chars.js';
import { Matcher } from './matcher.js';
import { TermVariants } from './term-variants.js';
import { splitByWords } from './segment.js';
import type { WordDict } from './word-dict.js';
import { dropOverlaps, type TextHit } from './text-hit.js';
import { urlSpans, inSpans } from './text-spans.js';
import { excepted } from './typo-lexicon.js';

const KINDS = ['country', 'organ', 'party', 'formulation', 'place'] as const;

export const protectedTermsSchema = z
  .object({
    reviewed: z.string().min(1),
    /** Where entries come from: a key per document. */
    sources: z.record(z.string(), z.string().min(1)).default({}),
    terms: z.array(
      z.strictObject({
        term: z.string().min(4),
        kind: z.enum(KINDS),
        /** A key of `sources`: every entry says where it comes from. */
        source: z.string(),
        except: z.array(z.string()).default([]),
        /** The first and last characters are never replaced: a title a name or a clause follows (国务院参事室: 国务院参事时). */
        fixedEnds: z.boolean().default(false),
      }),
    ),
    knownErrors: z.array(
      z.strictObject({ wrong: z.string().min(2), right: z.string().min(2), kind: z.enum(KINDS), except: z.array(z.string()).default([]) }),
    ),
  })
  .superRefine((lexicon, ctx) => {
    lexicon.terms.forEach((t, i) => {
      if (!(t.source in lexicon.sources))
        ctx.addIssue({ code: 'custom', message: `unknown source "${t.source}"`, path: ['terms', i, 'source'] });
    });
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
/** 中国式现代化 without 式 is 中国现代化, an ordinary phrase: dropped characters are trusted from seven on. */
const MIN_DROPPED = 7;
/** Function words: one in a term's place makes grammar (中国是现代化, 应急管理不到位), not a misspelling. */
const GRAMMAR = new Set('是不的了着在有也就都而这那之其');
/** A two-character word at least this frequent (意思, 人名, 领到) at a four-character term's edited end makes an ordinary phrase. */
const COMMON_PAIR = 50;
const MIN_ADDED = 5;

/**
 * `dict`: the word dictionary, read once by judging's configuration, to tell a variant from words that
 * merely meet. `lookAlikes`: the Unihan shape neighbours the typo detector tries (政治居 for 政治局), for
 * the terms' characters beside the curated pairs of similar-chars.yaml; leaders' names never.
 */
export function compileSerious(
  terms: ProtectedTerms,
  leaders: Leaders,
  similar: SimilarChars,
  dict: WordDict,
  lookAlikes: Map<string, Set<string>> = new Map(),
): SeriousChecker {
  const shapes = shapeMap(similar.shapes);
  const variants = new Matcher<Variant>();
  const correct = new Matcher<true>();
  const add = (wrong: string, v: Variant) => {
    if (wrong !== v.right) variants.add(wrong, v);
  };
  const alikeSets = new Map<string, { sound: Set<string>; near: Set<string>; shape: Set<string>; inner: Set<string> }>();
  const alikes = (ch: string) => {
    let a = alikeSets.get(ch);
    if (!a) {
      const none = NUMERALS.has(ch);
      // Same sound, or a sound many dialects confuse (精准扶平 for 扶贫): a protected term is long enough
      // that one such character in it is an error, never another word.
      a = {
        sound: new Set(none ? [] : homophones(ch)),
        near: new Set(none ? [] : nearHomophones(ch)),
        shape: new Set(none ? [] : [...(shapes.get(ch) ?? [])].filter(isCommonHanzi)),
        inner: new Set(none ? [] : [...(lookAlikes.get(ch) ?? [])].filter((c) => isCommonHanzi(c) && !NUMERALS.has(c))),
      };
      alikeSets.set(ch, a);
    }
    return a;
  };
  const termVariants = new TermVariants<Omit<Variant, 'how'>>({
    fixed: NUMERALS,
    alikes,
    innerLookAlikes: (ch) => alikes(ch).inner,
    isGrammar: (ch) => GRAMMAR.has(ch),
    isCommonWord: (pair) => dict.countOf(pair, 0, 2) >= COMMON_PAIR,
    isWord: (pair) => dict.countOf(pair, 0, 2) >= 20,
    minDropped: MIN_DROPPED,
    minAdded: MIN_ADDED,
  });

  for (const t of terms.terms) {
    correct.add(t.term, true);
    // A law's full title is its short name after 中华人民共和国: one character fewer or more is another phrase (税法, 招投标法).
    if ([...t.term].length >= MIN_VARIED)
      termVariants.add(
        t.term,
        { right: t.term, kind: t.kind, except: t.except },
        { edits: t.source === 'fl' && t.term.endsWith('法') ? 'replaced' : 'all', fixedEnds: t.fixedEnds },
      );
  }
  for (const k of terms.knownErrors) add(k.wrong, { right: k.right, kind: k.kind, how: 'known', except: k.except });
  for (const l of leaders.names) {
    const chars = [...l.name];
    correct.add(l.name, true);
    chars.forEach((ch, i) => {
      // Names: the same sound only; a near sound is too often another person's name.
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
    size: variants.size + termVariants.size,
    check(text) {
      const found = [...termVariants.findAll(text), ...variants.findAll(text)].sort((a, b) => a.start - b.start || a.end - b.end);
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
        if (splitByWords(text, f.start, f.end, dict, { compounds: true, edited: editedAt(f.text, v.right, f.start) })) continue;
        hits.push({ rule: 'serious-error', start: f.start, end: f.end, wrong: f.text, suggestion: v.right, how: v.how, kind: v.kind });
      }
      return dropOverlaps(hits);
    },
  };
}

/** Where a one-character substitution sits in the text, or undefined for any other edit. */
function editedAt(wrong: string, right: string, start: number): number | undefined {
  if (wrong.length !== right.length) return undefined;
  let at: number | undefined;
  for (let i = 0; i < wrong.length; i++)
    if (wrong[i] !== right[i]) {
      if (at !== undefined) return undefined;
      at = start + i;
    }
  return at;
}

function besideTitle(text: string, start: number, end: number, titles: string[]): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  const after = text.slice(end, end + 6);
  return titles.some((t) => before.endsWith(t) || after.startsWith(t));
}
