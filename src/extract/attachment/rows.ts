// The rows read from an attachment, bounded: a list of a hundred thousand rows is read to its cap and
// said to be read in part, never held whole.
import type { AttachmentRow } from '../../model/artifacts.js';

export interface RowLimits {
  /** Rows kept at most, over every sheet, table or page. */
  maxRows: number;
  /** Characters kept at most, over every row. */
  maxChars: number;
}

export class RowSink {
  readonly rows: AttachmentRow[] = [];
  private chars = 0;
  /** Set when a cap was reached: what was left unread, in a person's words. */
  cut: string | null = null;

  constructor(private readonly limits: RowLimits) {}

  /** Keeps a row with any text in it; false once a cap is reached (the reader stops). */
  add(part: string | null, row: number, cells: string[]): boolean {
    if (this.cut) return false;
    const kept = cells.map((c) => c.replace(/\s+/g, ' ').trim());
    if (!kept.some((c) => c !== '')) return true;
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    this.chars += kept.reduce((n, c) => n + c.length, 0);
    if (this.rows.length >= this.limits.maxRows || this.chars > this.limits.maxChars) {
      this.cut = `只读取了前 ${this.rows.length} 行（每个附件至多 ${this.limits.maxRows} 行、${this.limits.maxChars} 字）`;
      return false;
    }
    this.rows.push({ part, row, cells: kept });
    return true;
  }
}
