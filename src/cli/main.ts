// choucha's command line: arguments → stage functions → output and exit code.
// Exit codes: 0 done, 1 --fail-on tripped, 2 bad input or usage, 3 unexpected failure.
import { Command, CommanderError } from 'commander';
import { ChouchaError } from '../errors.js';
import { storageFailure } from '../store/db.js';
import { registerInit } from './init.js';
import { registerInspect } from './inspect.js';
import { registerPipeline } from './pipeline.js';
import { registerProofread } from './proofread.js';
import { registerRun } from './run.js';
import { registerSample } from './sample.js';
import { registerHistory } from './history.js';
import { registerRecheck } from './recheck.js';
import { registerSites } from './sites.js';

export function buildProgram(): Command {
  const program = new Command('choucha')
    .description('政府网站抽查: crawl registered government websites and judge them against the official indicators')
    .option('--db <path>', 'the SQLite database', './choucha.db')
    .option('--allow-private', 'allow loopback and private addresses (the bundled fixtures need it)')
    .option('--quiet', 'no progress output')
    .option('--debug', 'stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInit(program);
  registerSites(program);
  registerSample(program);
  registerHistory(program);
  registerRecheck(program);
  registerPipeline(program);
  registerRun(program);
  registerInspect(program);
  registerProofread(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (caught) {
    if (caught instanceof CommanderError) return caught.exitCode === 0 ? 0 : 2;
    const e = storageFailure(caught) ?? caught;
    if (e instanceof ChouchaError) {
      process.stderr.write(`choucha: ${e.message}\n`);
      if (e.reason) process.stderr.write(`Reason: ${e.reason}\n`);
      if (e.hint) process.stderr.write(`${e.hint}\n`);
      return e.exitCode;
    }
    process.stderr.write(`choucha: unexpected failure: ${(e as Error).message}\n`);
    if (argv.includes('--debug')) process.stderr.write(`${(e as Error).stack}\n`);
    else process.stderr.write('Run again with --debug for the stack trace.\n');
    return 3;
  }
}

// `choucha sites list | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const entry = process.argv[1] ?? '';
if (/[\\/](main\.(ts|js)|choucha(\.js)?)$/.test(entry) || process.env.CHOUCHA_CLI === '1') {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
