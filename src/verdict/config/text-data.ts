// The data the text rules read besides their lexicons: jieba's word dictionary (shipped by @node-rs/jieba,
// MIT), the look-alike character sets generated from Unihan (rules/lexicons/shape-neighbours.txt,
// part-neighbours.txt and phonetic-neighbours.txt), the words newer than the dictionary, the character
// trigrams of official writing (rules/lexicons/char-ngrams.txt.gz) and the typo detectors' fitted scorers (typo-scorer.json, typo-word-scorer.json). Read from
// disk here, once per process on first use, and handed to the rules' checkers: rules read no files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { projectPath } from '../../paths.js';
import { CharNgrams } from '../../rules/utils/char-ngrams.js';
import { ConfusionSets, parseShapeNeighbours } from '../../rules/utils/confusion.js';
import { type DetectorData, KnownWords, TUNING } from '../../rules/utils/typo-detector.js';
import { parseScorer } from '../../rules/utils/typo-features.js';
import { HomophoneWords } from '../../rules/utils/homophone-words.js';
import { WORD_TUNING } from '../../rules/utils/typo-word-detector.js';
import { WORD_FEATURE_NAMES } from '../../rules/utils/typo-word-features.js';
import { WordDict } from '../../rules/utils/word-dict.js';

export const SCORER_FILE = 'typo-scorer.json';
export const WORD_SCORER_FILE = 'typo-word-scorer.json';

const require = createRequire(import.meta.url);
let dict: WordDict | null = null;
let detector: DetectorData | null = null;
let evidence: DetectorEvidence | null = null;

/** What the detectors measure with, before their fitted scorers. */
export type DetectorEvidence = Omit<DetectorData, 'scorer' | 'wordScorer'>;
let lookAlikes: Map<string, Set<string>> | null = null;

const shipped = (name: string) => readFileSync(projectPath(`rules/lexicons/${name}`), 'utf8');

/** The shipped jieba dictionary, read on first use. */
export function wordDict(): WordDict {
  return (dict ??= new WordDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8')));
}

/** Each common character's look-alikes from the Unihan shape codes, both ways, read on first use. */
export function shapeNeighbours(): Map<string, Set<string>> {
  return (lookAlikes ??= parseShapeNeighbours(shipped('shape-neighbours.txt')));
}

/**
 * The look-alikes with the part-for-whole pairs (也 for 地) and the characters of one phonetic series (列 for
 * 例): the typo detector tries all three, the serious-error variants only the look-alikes.
 */
function typoLookAlikes(shapes: Map<string, Set<string>>, ...files: string[]): Map<string, Set<string>> {
  // A copy: the serious-error variants keep reading `shapes` as it is.
  const all = new Map([...shapes].map(([c, n]) => [c, new Set(n)]));
  for (const f of files) parseShapeNeighbours(shipped(f), all);
  return all;
}

/** The dictionary, confusion sets, known words and trigrams: what the detector measures with, before any scorer. */
export function detectorEvidence(): DetectorEvidence {
  return (evidence ??= {
    dict: wordDict(),
    homophones: new HomophoneWords(wordDict(), WORD_TUNING.minCount),
    conf: new ConfusionSets(typoLookAlikes(shapeNeighbours(), 'part-neighbours.txt', 'phonetic-neighbours.txt')),
    known: new KnownWords(
      shipped('modern-words.txt')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    ),
    lm: new CharNgrams(gunzipSync(readFileSync(projectPath('rules/lexicons/char-ngrams.txt.gz'))).toString('utf8')),
  });
}

/** The detector's evidence and its fitted scorer, read once on first use and shared by every checker. */
export function detectorData(): DetectorData {
  return (detector ??= {
    ...detectorEvidence(),
    scorer: parseScorer(shipped(SCORER_FILE), `rules/lexicons/${SCORER_FILE}`, TUNING),
    wordScorer: parseScorer(
      shipped(WORD_SCORER_FILE),
      `rules/lexicons/${WORD_SCORER_FILE}`,
      WORD_TUNING,
      WORD_FEATURE_NAMES,
      'npx tsx bench/fit-typo-scorer.ts --kind word',
    ),
  });
}
