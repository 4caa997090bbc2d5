import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { FIXTURE_PATH, loadReport } from './fixture.js';

describe('renderJson', () => {
  it('reproduces the checked-in report.json byte for byte', () => {
    expect(renderJson(loadReport())).toBe(readFileSync(FIXTURE_PATH, 'utf8'));
  });

  it('round-trips, with 2-space indent and a trailing newline', () => {
    const text = renderJson(loadReport());
    expect(JSON.parse(text)).toEqual(loadReport());
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
