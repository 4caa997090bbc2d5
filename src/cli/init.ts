import type { Command } from 'commander';
import { closeDb, redactDbUrl } from '../store/db.js';
import { type GlobalOptions, open, say } from './common.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create the database (or bring an existing one up to date)')
    .action((_o, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      closeDb(open(g, true));
      say(g, `database ready: ${redactDbUrl(g.db)}`);
    });
}
