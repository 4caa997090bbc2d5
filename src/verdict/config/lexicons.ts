// The lexicons an edition names (rules/lexicons/): read and validated when the edition loads, compiled
// into matchers only when a rule first needs them (the serious-error variants take half a second).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../../errors.js';
import { type ColumnCategories, columnCategoriesSchema } from '../../rules/utils/categories.js';
import {
  compileSerious,
  leadersSchema,
  protectedTermsSchema,
  type SeriousChecker,
  similarCharsSchema,
} from '../../rules/utils/protected-terms.js';
import { compileTypos, type TypoChecker, typoLexiconSchema } from '../../rules/utils/typo-lexicon.js';
import { detectorData, shapeNeighbours, wordDict } from './text-data.js';
import { compileIllegalLinks, type IllegalLinkLexicon, illegalLinksSchema } from '../../rules/utils/illegal-links.js';
import { projectPath } from '../../paths.js';

const SHIPPED = projectPath('rules/lexicons/');

export interface LexiconPaths {
  columnCategories: string;
  typos?: string | undefined;
  protectedTerms?: string | undefined;
  leaders?: string | undefined;
  similarChars?: string | undefined;
  illegalLinks?: string | undefined;
}

export interface Lexicons {
  columnCategories: ColumnCategories;
  typos: TypoChecker;
  serious: SeriousChecker;
  illegalLinks: IllegalLinkLexicon;
}

function readLexicon<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  if (!existsSync(file)) throw new InputError(`No lexicon file at ${file}`, undefined, 'The shipped lexicons are in rules/lexicons/.');
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`not valid YAML: ${(e as Error).message.split('\n')[0]} (location: ${file})`);
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(
      `${issue.message} (location: ${file} ${issue.path.join('.')})`,
      'The lexicon does not match what choucha expects.',
      `Compare it with the shipped one in rules/lexicons/.`,
    );
  }
  return r.data;
}

function lazy<T extends object>(build: () => T): T {
  let real: T | null = null;
  return new Proxy({} as T, {
    get(_t, key) {
      real ??= build();
      const v = Reflect.get(real, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(real) : v;
    },
  });
}

/** Paths are relative to the edition file; the content lexicons default to the shipped ones. */
export function loadLexicons(editionFile: string, paths: LexiconPaths): Lexicons {
  const at = (p: string | undefined, shipped: string) => (p ? resolve(dirname(editionFile), p) : resolve(SHIPPED, shipped));
  const typos = readLexicon(at(paths.typos, 'typos.yaml'), typoLexiconSchema);
  const terms = readLexicon(at(paths.protectedTerms, 'protected-terms.yaml'), protectedTermsSchema);
  const leaders = readLexicon(at(paths.leaders, 'leaders.yaml'), leadersSchema);
  const similar = readLexicon(at(paths.similarChars, 'similar-chars.yaml'), similarCharsSchema);
  const illegal = readLexicon(at(paths.illegalLinks, 'illegal-links.yaml'), illegalLinksSchema);
  return {
    columnCategories: readLexicon(resolve(dirname(editionFile), paths.columnCategories), columnCategoriesSchema),
    typos: lazy(() => compileTypos(typos, detectorData())),
    serious: lazy(() => compileSerious(terms, leaders, similar, wordDict(), shapeNeighbours())),
    illegalLinks: compileIllegalLinks(illegal),
  };
}
