// When two texts share a sentence: a run of 12 ideographs in common, punctuation and digits aside. The
// trigram model leaves out what the labelled sets hold (scripts/char-ngrams.ts), and the clean text leaves
// out what the model has read (bench/build-clean-reports.ts): both must draw the line at the same place.
const NOT_HAN = /[^\u4e00-\u9fa5]/g;
const RUN = 12;

export class SharedRuns {
  private readonly runs = new Set<string>();

  add(text: string): void {
    const h = text.replace(NOT_HAN, '');
    for (let i = 0; i + RUN <= h.length; i++) this.runs.add(h.slice(i, i + RUN));
  }

  shares(text: string): boolean {
    const h = text.replace(NOT_HAN, '');
    for (let i = 0; i + RUN <= h.length; i++) if (this.runs.has(h.slice(i, i + RUN))) return true;
    return false;
  }
}
