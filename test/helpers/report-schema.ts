// Validates report.json against the published schema (schema/report.schema.json), so every test that
// writes or reads one holds it to the contract CI users code against, not only to the fields it looks at.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

export const SCHEMA_PATH = new URL('../../schema/report.schema.json', import.meta.url);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// strict: an unknown keyword or a misspelt one in the schema is an error, not silently ignored.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

/** The schema's complaints about `data`, one line each ("/sites/0: must have required property 'url'"); empty when it is valid. */
export function reportSchemaErrors(data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/** Fails the test, listing every violation, unless `data` is a valid report.json (schemaVersion 1). */
export function expectValidReport(data: unknown): void {
  expect(reportSchemaErrors(data), 'report.json does not match schema/report.schema.json').toEqual([]);
}

/** Reads a report.json from disk, validates it and returns it parsed. */
export function readValidReport<T = unknown>(path: string | URL): T {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  expectValidReport(data);
  return data as T;
}
