// An attachment that is not read, and why, in words a person checks (the reason reaches the reports).
// A reason never carries the file's own text: a library's message can quote a cell.

export class UnreadableAttachment extends Error {
  override name = 'UnreadableAttachment';
}

/** A library's message with long digit runs starred: a parser quoting a cell must not reprint a number. */
export function safeReason(e: unknown): string {
  if (e instanceof UnreadableAttachment) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  return `读取出错：${msg.replace(/\d{5,}/g, (d) => `${d.slice(0, 2)}${'*'.repeat(d.length - 2)}`).slice(0, 160)}`;
}
