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
  /** Every distinct term the text holds, in the lexicon's order. */
  terms(text: string): { term: string; category: IllegalCategory }[];
}

export function compileIllegalLinks(lexicon: z.infer<typeof illegalLinksSchema>): IllegalLinkLexicon {
  const terms = Object.entries(lexicon.categories).flatMap(([category, list]) =>
    (list ?? []).map((term) => ({ term, key: term.toLowerCase().replace(/\s+/g, ''), category: category as IllegalCategory })),
  );
  const fold = (text: string) => text.toLowerCase().replace(/\s+/g, '');
  return {
    match(text) {
      const t = fold(text);
      const hit = terms.find((x) => t.includes(x.key));
      return hit ? { term: hit.term, category: hit.category } : null;
    },
    terms(text) {
      const t = fold(text);
      return terms.filter((x) => t.includes(x.key)).map(({ term, category }) => ({ term, category }));
    },
  };
}
