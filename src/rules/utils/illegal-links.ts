// The lexicon of words that make an outbound link illegal (rules/lexicons/illegal-links.yaml).
import { z } from 'zod';

export const illegalLinksSchema = z.object({
  reviewed: z.string(),
  source: z.string(),
  categories: z.record(z.enum(['gambling', 'porn', 'fraud']), z.array(z.string().min(2)).min(1)),
});

export type IllegalCategory = 'gambling' | 'porn' | 'fraud';

export interface IllegalLinkLexicon {
  /** The first term the text holds, with its category; null when none. Case and spacing are ignored. */
  match(text: string): { term: string; category: IllegalCategory } | null;
}

export function compileIllegalLinks(lexicon: z.infer<typeof illegalLinksSchema>): IllegalLinkLexicon {
  const terms = Object.entries(lexicon.categories).flatMap(([category, list]) =>
    (list ?? []).map((term) => ({ term, key: term.toLowerCase().replace(/\s+/g, ''), category: category as IllegalCategory })),
  );
  return {
    match(text) {
      const t = text.toLowerCase().replace(/\s+/g, '');
      const hit = terms.find((x) => t.includes(x.key));
      return hit ? { term: hit.term, category: hit.category } : null;
    },
  };
}
