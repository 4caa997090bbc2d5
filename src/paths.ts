// Files choucha ships beside its code (rules, migrations, package.json), found from the project root.
// This module sits one folder below the root, and so does the bundle (dist/choucha.mjs) it is built into:
// the same relative path is right in both.
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);

/** An absolute path to `rel` inside the project. */
export function projectPath(rel: string): string {
  return fileURLToPath(new URL(rel, ROOT));
}
