import { readFileSync } from 'node:fs';
import { projectPath } from '../../paths.js';

const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };

/** Sites see who is checking them: an honest name, never a browser disguise. Header values are ASCII only. */
export const USER_AGENT = `choucha/${pkg.version} (government website spot check)`;
