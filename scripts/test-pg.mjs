// The store tests again, on PostgreSQL: every test file that opens its store through the harness
// (test/helpers/store.ts), run with CHOUCHA_TEST_BACKEND=pg. Needs CHOUCHA_TEST_PG (scripts/with-postgres.sh).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

if (!process.env.CHOUCHA_TEST_PG) {
  console.error('test:pg: CHOUCHA_TEST_PG is not set; run it as `scripts/with-postgres.sh npm run test:pg`.');
  process.exit(2);
}
const files = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test', f))
  .filter((f) => /helpers\/store\.js'/.test(readFileSync(f, 'utf8')))
  .sort();
const r = spawnSync('npx', ['vitest', 'run', ...files], {
  stdio: 'inherit',
  env: { ...process.env, CHOUCHA_TEST_BACKEND: 'pg' },
});
process.exit(r.status ?? 1);
