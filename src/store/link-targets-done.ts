// Which of a batch's link targets already have a status: a batch given out again (its worker died
// after saving part of it) checks only the rest.
import { type Db, prepared } from './db.js';

export function targetsWithStatus(db: Db, checkId: number, targets: string[]): Set<string> {
  const stmt = prepared<{ target: string }>(db, 'SELECT target FROM link_checks WHERE check_id = ? AND target = ?');
  return new Set(targets.filter((t) => stmt.get(checkId, t) !== undefined));
}
