// The checked-in report.json every reporter test renders: five sites covering each verdict path.
import { readFileSync } from 'node:fs';
import type { Report } from '../../src/model/report.js';

export const FIXTURE_PATH = new URL('./fixtures/report.json', import.meta.url);

/** A fresh copy each call, so a test may alter it without touching the others. */
export function loadReport(): Report {
  return JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Report;
}
