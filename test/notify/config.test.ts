// The notify config: the shipped example loads; secrets come from the environment or a file and are
// never written in the config; every mistake names the file and the field, lists counted from 1.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChouchaError, InputError } from '../../src/errors.js';
import { loadNotifyConfig } from '../../src/notify/config.js';
import { projectPath } from '../../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'choucha-notify-config-'));
const SECRET = 'a-webhook-secret-of-32-characters';
const ENV = { HOOK_SECRET: SECRET, SMTP_PASSWORD: 'smtp-password' };

let n = 0;
function file(text: string, ext = 'yaml'): string {
  const p = join(dir, `notify-${++n}.${ext}`);
  writeFileSync(p, text);
  return p;
}

const HOOK = `webhooks:
  - name: 平台
    url: http://127.0.0.1:9/hook
    secretEnv: HOOK_SECRET
`;

/** The error `text` raises, as the CLI prints it: message, then reason. */
function failure(text: string, env: NodeJS.ProcessEnv = ENV, ext = 'yaml'): { message: string; path: string } {
  const path = file(text, ext);
  try {
    loadNotifyConfig(path, env);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as ChouchaError).exitCode).toBe(2);
    return { message: (e as Error).message, path };
  }
  throw new Error('expected the config to be refused');
}

describe('loadNotifyConfig', () => {
  it('loads the shipped example, its secrets from the environment and a file beside it', () => {
    const example = projectPath('rules/notify.example.yaml');
    // The example names secrets/changsha-webhook.secret beside itself: give it one in a copy of the folder.
    const copy = join(dir, 'example');
    mkdirSync(join(copy, 'secrets'), { recursive: true });
    writeFileSync(join(copy, 'notify.yaml'), readFileSync(example));
    writeFileSync(join(copy, 'secrets', 'changsha-webhook.secret'), 'changsha-secret-from-a-file\n');
    const c = loadNotifyConfig(join(copy, 'notify.yaml'), { CHOUCHA_WEBHOOK_SECRET: SECRET, CHOUCHA_SMTP_PASSWORD: 'pw' });
    expect(c.recipients.map((r) => [r.name, r.scope, r.events, r.mail, r.webhooks.map((w) => w.name)])).toEqual([
      ['省政府办公厅网站监管处', { kind: 'all' }, ['run-end', 'veto', 'pre-warning'], ['jgc@example.gov.cn'], ['省平台']],
      [
        '长沙市人民政府办公厅',
        { kind: 'region', prefixes: ['4301'] },
        ['run-end', 'veto', 'pre-warning'],
        ['zwgk@changsha.example.gov.cn'],
        ['长沙'],
      ],
      ['湖南省教育厅', { kind: 'sponsor', names: ['湖南省教育厅'] }, ['veto', 'pre-warning'], ['wzb@jyt.example.gov.cn'], []],
    ]);
    // The file's trailing newline is no part of the secret.
    expect(c.recipients[1]!.webhooks[0]!.secret).toBe('changsha-secret-from-a-file');
    expect(c.recipients[0]!.webhooks[0]!.secret).toBe(SECRET);
    expect(c.smtp).toEqual({
      host: 'smtp.example.gov.cn',
      port: 465,
      secure: true,
      requireTLS: true,
      auth: { user: 'choucha@example.gov.cn', pass: 'pw' },
      from: '政府网站抽查 <choucha@example.gov.cn>',
    });
    expect(c.retry).toEqual({ attempts: 4, delayMs: 2000, maxDelayMs: 30_000 });
    expect(c.timeoutMs).toBe(15_000);
  });

  it('reads JSON as well', () => {
    const p = file(
      JSON.stringify({
        webhooks: [{ name: 'h', url: 'https://hooks.example.gov.cn/x', secretEnv: 'HOOK_SECRET' }],
        offices: [{ name: '株洲', region: 4302, webhooks: 'h' }],
        retry: { attempts: 2, delay: '100ms' },
      }),
      'json',
    );
    const c = loadNotifyConfig(p, ENV);
    expect(c.recipients).toEqual([
      {
        name: '株洲',
        scope: { kind: 'region', prefixes: ['4302'] },
        events: ['run-end', 'veto', 'pre-warning'],
        mail: [],
        webhooks: [{ name: 'h', url: 'https://hooks.example.gov.cn/x', secret: SECRET }],
      },
    ]);
    expect(c.retry).toEqual({ attempts: 2, delayMs: 100, maxDelayMs: 30_000 });
  });

  it.each([
    [
      'a secret written in the file',
      `webhooks:\n  - name: 平台\n    url: http://127.0.0.1:9/hook\n    secret: ${SECRET}\ncheck: { webhooks: [平台] }\n`,
      'webhooks entry 1 (平台), field secret: A webhook secret is not written in the notify config: name an environment variable (secretEnv) or a file of its own (secretFile)',
    ],
    [
      'an SMTP password written in the file',
      'smtp: { host: mail.local, user: u, password: hunter2, from: a@b.cn }\ncheck: { mail: [a@b.cn] }\n',
      'field smtp.password: The SMTP password is not written in the notify config',
    ],
    [
      'a user and password in a webhook address',
      'webhooks:\n  - { name: 平台, url: "https://u:p@hooks.example.gov.cn/", secretEnv: HOOK_SECRET }\ncheck: { webhooks: [平台] }\n',
      'webhooks entry 1 (平台), field url: a webhook address carries no user or password',
    ],
    [
      'a webhook without a secret',
      'webhooks:\n  - { name: 平台, url: "https://hooks.example.gov.cn/" }\ncheck: { webhooks: [平台] }\n',
      'webhooks entry 1 (平台): expected exactly one of secretEnv or secretFile',
    ],
    [
      'an environment variable that is not set',
      'webhooks:\n  - { name: 平台, url: "https://hooks.example.gov.cn/", secretEnv: NOT_SET_ANYWHERE }\ncheck: { webhooks: [平台] }\n',
      'webhooks entry 1 (平台), field secretEnv: environment variable NOT_SET_ANYWHERE is not set, or empty',
    ],
    [
      'a secret file that is not there',
      'webhooks:\n  - { name: 平台, url: "https://hooks.example.gov.cn/", secretFile: nowhere.secret }\ncheck: { webhooks: [平台] }\n',
      'webhooks entry 1 (平台), field secretFile: no such file: ',
    ],
    [
      'a short secret',
      'webhooks:\n  - { name: 平台, url: "https://hooks.example.gov.cn/", secretEnv: SMTP_PASSWORD }\ncheck: { webhooks: [平台] }\n',
      'webhooks entry 1 (平台), field secretEnv: the secret is 13 characters long; expected at least 16',
    ],
    [
      'an SMTP user without a password',
      'smtp: { host: mail.local, user: u, from: a@b.cn }\ncheck: { mail: [a@b.cn] }\n',
      'field smtp: a user and its password (passwordEnv or passwordFile) go together',
    ],
    [
      'an office naming a webhook that is not listed',
      `${HOOK}offices:\n  - { name: 长沙, region: "4301", webhooks: [长沙平台] }\n`,
      'offices entry 1 (长沙), field webhooks: no webhook named "长沙平台" (the webhooks list has: 平台)',
    ],
    [
      'an office with both a region and a sponsor',
      `${HOOK}offices:\n  - { name: 长沙, region: "4301", webhooks: [平台] }\n  - { name: 教育厅, region: "43", sponsor: 湖南省教育厅, webhooks: [平台] }\n`,
      'offices entry 2 (教育厅): expected exactly one of region (region code prefixes) or sponsor (主办单位)',
    ],
    [
      'a region that is not a code prefix',
      `${HOOK}offices:\n  - { name: 长沙, region: [4301, 长沙市], webhooks: [平台] }\n`,
      'offices entry 1 (长沙), field region, entry 2: expected a region code prefix of 2 to 6 digits, e.g. 4301',
    ],
    [
      'mail to an address that is not one',
      'smtp: { host: mail.local, from: a@b.cn }\noffices:\n  - { name: 长沙, region: "4301", mail: [zwgk-at-changsha] }\n',
      'offices entry 1 (长沙), field mail, entry 1: expected an e-mail address',
    ],
    ['mail without an SMTP server', 'check: { mail: [a@b.cn] }\n', 'field check.mail: mail needs an smtp section'],
    [
      'an event choucha does not send',
      `${HOOK}check: { webhooks: [平台], events: [run-end, unqualified] }\n`,
      'field check.events, entry 2: expected one of run-end, veto, pre-warning',
    ],
    ['a key choucha does not know', `${HOOK}check: { webhook: [平台] }\n`, 'field check.webhook: Unrecognized key'],
    ['a recipient with nobody to tell', `${HOOK}check: { name: 办公厅 }\n`, 'field check: expected mail or webhooks: someone to tell'],
    ['nobody at all', HOOK, 'nobody to notify: expected a check section or at least one office'],
    ['broken YAML', 'webhooks: [\n', 'not valid YAML'],
  ])('refuses %s, naming the file and the field', (_, text, expected) => {
    const { message, path } = failure(text);
    expect(message).toContain(`${path}: ${expected}`);
  });

  it('names the file when it is not there', () => {
    expect(() => loadNotifyConfig(join(dir, 'missing.yaml'), ENV)).toThrow(`${join(dir, 'missing.yaml')}: no such file`);
  });
});
