// The typo lexicon (rules/lexicons/typos.yaml): validated on load, compiled once into a matcher; and
// beside it the statistical detector (typo-detector.ts) for the misspellings no lexicon lists.
import { z } from 'zod';
import { Matcher } from './matcher.js';
import { looksLikeName } from './names.js';
import { splitByWords } from './segment.js';
import { dropOverlaps, type TextHit } from './text-hit.js';
import { inSpans, quotedSpans, urlSpans } from './text-spans.js';
import { type DetectorData, detectTypos, TUNING, type DetectorTuning } from './typo-detector.js';

export const typoLexiconSchema = z
  .object({
    reviewed: z.string().min(1),
    sources: z.record(z.string(), z.string()),
    entries: z.array(
      z.strictObject({
        wrong: z.string().min(2),
        right: z.string().min(1),
        source: z.string(),
        except: z.array(z.string().min(2)).default([]),
        note: z.string().optional(),
      }),
    ),
  })
  .superRefine((lex, ctx) => {
    const seen = new Set<string>();
    lex.entries.forEach((e, i) => {
      if (!(e.source in lex.sources))
        ctx.addIssue({
          code: 'custom',
          message: `unknown source "${e.source}"; sources: ${Object.keys(lex.sources).join(', ')}`,
          path: ['entries', i, 'source'],
        });
      if (e.wrong === e.right)
        ctx.addIssue({ code: 'custom', message: `"${e.wrong}" is its own correction`, path: ['entries', i, 'right'] });
      if (seen.has(e.wrong)) ctx.addIssue({ code: 'custom', message: `"${e.wrong}" is listed twice`, path: ['entries', i, 'wrong'] });
      seen.add(e.wrong);
      for (const x of e.except)
        if (!x.includes(e.wrong))
          ctx.addIssue({ code: 'custom', message: `except "${x}" does not contain "${e.wrong}"`, path: ['entries', i, 'except'] });
    });
  });
export type TypoLexicon = z.infer<typeof typoLexiconSchema>;
type Entry = TypoLexicon['entries'][number];

export interface TypoChecker {
  /** The lexicon's hits and, where none is, the detector's. */
  check(text: string): TextHit[];
  /** The lexicon's hits alone. */
  checkListed(text: string): TextHit[];
  size: number;
}

/** Is [start, end) inside an occurrence of one of `except` in `text`? */
export function excepted(text: string, start: number, end: number, except: string[]): boolean {
  return except.some((x) => {
    for (let i = text.indexOf(x, Math.max(0, end - x.length)); i >= 0 && i <= start; i = text.indexOf(x, i + 1)) {
      if (i + x.length >= end) return true;
    }
    return false;
  });
}

const HAN_PAIR = /[\u4e00-\u9fa5]{2}/;

/** `data`: the word dictionary and confusion sets, read once by judging's configuration and shared. */
export function compileTypos(lex: TypoLexicon, data: DetectorData, tuning: DetectorTuning = TUNING): TypoChecker {
  const m = new Matcher<Entry>();
  for (const e of lex.entries) m.add(e.wrong, e);
  const listed = (text: string, skip: () => [number, number][]): TextHit[] => {
    const found = m.findAll(text);
    if (found.length === 0) return [];
    const hits: TextHit[] = [];
    for (const f of found) {
      if (inSpans(skip(), f.start, f.end) || excepted(text, f.start, f.end, f.value.except)) continue;
      if (looksLikeName(text, f.start, f.end) || splitByWords(text, f.start, f.end, data.dict)) continue;
      hits.push({ rule: 'typo', start: f.start, end: f.end, wrong: f.text, suggestion: f.value.right, how: f.value.source });
    }
    return dropOverlaps(hits);
  };
  const spans = (text: string) => {
    let s: [number, number][] | null = null;
    return () => (s ??= [...urlSpans(text), ...quotedSpans(text)]);
  };
  return {
    size: m.size,
    checkListed: (text) => listed(text, spans(text)),
    check(text) {
      if (!HAN_PAIR.test(text)) return [];
      const skip = spans(text);
      const known = listed(text, skip);
      const found = detectTypos(text, data, tuning, skip()).filter((d) => !known.some((k) => d.start < k.end && d.end > k.start));
      if (found.length === 0) return known;
      return [...known, ...found.map(({ margin: _m, ...h }) => h)].sort((a, b) => a.start - b.start);
    },
  };
}
