// A site's text run through a checker, hits grouped by defect: the same wrong word on forty pages is
// one finding with a count and a few example pages, each with its sentence.
import type { TextArtifact } from '../../model/artifacts.js';
import type { TextHit } from './text-hit.js';
import { sentenceAround } from './text-spans.js';

export interface HitGroup {
  wrong: string;
  suggestion: string;
  how: string;
  kind: string | undefined;
  /** Occurrences: each page's own text counted per page, the template's text once. */
  count: number;
  pages: string[];
  /** Whether the defect sits in the site's template (menu, footer), shown on every page. */
  inTemplate: boolean;
  examples: { url: string; sentence: string }[];
}

export function scanSite(texts: TextArtifact, check: (text: string) => TextHit[], maxExamples = 3): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  const take = (url: string, blocks: string[], template: boolean) => {
    for (const block of blocks) {
      for (const h of check(block)) {
        const key = `${h.wrong}\u0000${h.suggestion}`;
        let g = groups.get(key);
        if (!g)
          groups.set(
            key,
            (g = {
              wrong: h.wrong,
              suggestion: h.suggestion,
              how: h.how,
              kind: h.kind,
              count: 0,
              pages: [],
              inTemplate: false,
              examples: [],
            }),
          );
        g.count++;
        if (template) g.inTemplate = true;
        if (!g.pages.includes(url)) g.pages.push(url);
        if (g.examples.length < maxExamples && !g.examples.some((e) => e.url === url))
          g.examples.push({ url, sentence: sentenceAround(block, h.start, h.end) });
      }
    }
  };
  take(texts.shared.url, texts.shared.blocks, true);
  for (const p of texts.pages) take(p.url, p.blocks, false);
  return [...groups.values()].sort((a, b) => b.count - a.count || a.wrong.localeCompare(b.wrong));
}

/** Did the site give any text to read? A homepage that could not be read leaves nothing to judge. */
export function hasText(texts: TextArtifact): boolean {
  return texts.shared.blocks.length > 0 || texts.pages.some((p) => p.blocks.length > 0);
}
