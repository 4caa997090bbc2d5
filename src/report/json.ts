// report.json is the machine contract (DESIGN.md): every other reporter is a view of it,
// so it is written exactly as the model holds it, with nothing added or dropped.
import type { Report } from '../model/report.js';

export function renderJson(report: Report): string {
  // Trailing newline: the file is diffed and committed by CI users, and POSIX tools expect one.
  return `${JSON.stringify(report, null, 2)}\n`;
}
