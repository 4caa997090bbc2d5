// Column names → the categories of the column-stale indicator. The lexicon is data (rules/lexicons/).
import { z } from 'zod';

export const columnCategoriesSchema = z.object({
  exclude: z.array(z.string().min(1)).default([]),
  categories: z.object({
    news: z.object({ title: z.string(), match: z.array(z.string().min(1)) }),
    notice: z.object({ title: z.string(), match: z.array(z.string().min(1)) }),
    longterm: z.object({ title: z.string(), match: z.array(z.string().min(1)) }),
  }),
});
export type ColumnCategories = z.infer<typeof columnCategoriesSchema>;
export type ColumnCategory = keyof ColumnCategories['categories'];

export function classifyColumn(name: string, lex: ColumnCategories): ColumnCategory | null {
  const n = name.replace(/\s+/g, '');
  if (lex.exclude.some((w) => n.includes(w))) return null;
  for (const cat of ['news', 'notice', 'longterm'] as const) {
    if (lex.categories[cat].match.some((w) => n.includes(w))) return cat;
  }
  return null;
}
