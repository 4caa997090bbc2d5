// choucha's command line: arguments → stage functions → output and exit code.
// Exit codes: 0 done, 1 --fail-on tripped, 2 bad input or usage, 3 unexpected failure.
import { Command, CommanderError, Option } from 'commander';
import { ChouchaError, InputError } from '../errors.js';
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
import { registerFindings } from './findings.js';
import { registerFunctions } from './functions.js';
import { registerWorker } from './worker.js';

export function buildProgram(): Command {
  const program = new Command('choucha')
    .description('政府网站抽查: crawl registered government websites and judge them against the official indicators')
    .addOption(
      new Option('--db <path|url>', 'the SQLite database file, or a PostgreSQL database as postgres://user:pass@host:port/db')
        .env('CHOUCHA_DB')
        .default('./choucha.db'),
    )
    .option('--allow-private', 'allow loopback and private addresses (the bundled fixtures need it)')
    .option('--vantage <name>', "where probes are taken from, recorded with each (default: this machine's host name)")
    .option(
      '--canaries <names>',
      "comma-separated names that always resolve, asked when a lookup fails to tell this machine's DNS failing from a site's ('none': never)",
    )
    .option('--quiet', 'no progress output')
    .option('--debug', 'stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInit(program);
  registerSites(program);
  registerFindings(program);
  registerSample(program);
  registerHistory(program);
  registerRecheck(program);
  registerPipeline(program);
  registerFunctions(program);
  registerRun(program);
  registerWorker(program);
  registerInspect(program);
  registerProofread(program);
  return program;
}

/**
 * The first command name in `args` (the user's arguments) that no command of that level answers to.
 * commander catches a plain `choucha frobnicate`, but answers `choucha frobnicate --help` with the
 * general help and exit 0, as if the command existed: so the names are checked before it parses.
 */
export function unknownCommand(program: Command, args: string[]): { name: string; within: string } | null {
  let cmd = program;
  const takesValue = (flag: string) => {
    for (let c: Command | null = cmd; c; c = c.parent)
      for (const o of c.options) if ((o.long === flag || o.short === flag) && (o.required || o.optional)) return true;
    return false;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return null;
    if (a.startsWith('-')) {
      if (!a.includes('=') && takesValue(a)) i++;
      continue;
    }
    if (cmd.commands.length === 0) return null; // a leaf command's own arguments
    // `choucha help crawl` names the command to explain: look that name up at the same level.
    if (a === 'help') continue;
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) return { name: a, within: cmdPath(cmd) };
    cmd = sub;
  }
  return null;
}

const cmdPath = (c: Command): string => (c.parent ? `${cmdPath(c.parent)} ${c.name()}` : c.name());

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    const unknown = unknownCommand(program, argv.slice(2));
    if (unknown !== null)
      throw new InputError(`unknown command '${unknown.name}'`, undefined, `Run \`${unknown.within} --help\` for the list of commands.`);
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
