// `--notify FILE` on `run` and `report`: who is told about the check once its reports are written.
// A secret is never taken on the command line, where other users see it (ps, /proc) and shells keep
// it in their history: the flags one might try are refused by name, with where the secret goes instead.
import { type Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { USER_AGENT } from '../gather/http/user-agent.js';
import type { Report } from '../model/report.js';
import { loadNotifyConfig, type NotifyConfig } from '../notify/config.js';
import type { NotifyLog } from '../notify/retry.js';
import { sendNotifications } from '../notify/send.js';
import { type GlobalOptions, nowIso, say } from './common.js';
import { logLine } from './progress.js';

const SECRET_FLAGS = ['secret', 'webhookSecret', 'notifySecret', 'hmacSecret', 'smtpPassword', 'smtpPass', 'password'] as const;
const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export interface NotifyFlags {
  notify?: string;
}

export function withNotifyFlags(cmd: Command): Command {
  cmd.option(
    '--notify <file>',
    'after the reports: tell the check and each office by webhook and mail (YAML or JSON; see rules/notify.example.yaml)',
  );
  // Taken only to be refused with a reason: commander would call them just "unknown option".
  for (const key of SECRET_FLAGS) cmd.addOption(new Option(`${flag(key)} [value]`).hideHelp());
  return cmd;
}

/** The notify config named by --notify, read and checked before the command does any work; null without --notify. */
export function notifyConfigOf(o: NotifyFlags): NotifyConfig | null {
  const given = SECRET_FLAGS.filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  if (given.length > 0)
    throw new InputError(
      `${flag(given[0]!)}: secrets are not taken on the command line`,
      'Other users of this machine can read a command line (ps, /proc), and shells keep it in their history.',
      'Name an environment variable or a file in the notify config instead: secretEnv or secretFile for a webhook, ' +
        'passwordEnv or passwordFile for SMTP (see rules/notify.example.yaml).',
    );
  if (o.notify === undefined) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(o.notify))
    throw new InputError(
      `--notify ${o.notify.replace(/\/\/[^/@]*@/, '//…@').replace(/\?.*$/, '?…')}: expected a notify config file, not an address`,
      'A webhook is signed with a secret, and an address on the command line is seen by every user of the machine.',
      'Put the webhook (and its secretEnv or secretFile) in a YAML or JSON file and pass --notify FILE (see rules/notify.example.yaml).',
    );
  return loadNotifyConfig(o.notify);
}

/** Sends the notifications; never throws and leaves the exit code as the check set it. */
export async function doNotify(report: Report, config: NotifyConfig, g: GlobalOptions): Promise<void> {
  // A delivery that failed is said even with --quiet: someone expected that message.
  const log: NotifyLog = (line, level = 'info') => {
    if (level === 'warn') logLine({ ...g, quiet: false }, line, { level });
    else say(g, line);
  };
  await sendNotifications(report, config, { log, userAgent: USER_AGENT, now: nowIso() });
}
