// --notify through the real CLI: `run` over three fixture sites (one vetoed, one with a 预警, one
// clean) tells the check and each office, by webhook and by mail, once the reports are written; `report
// --notify` with a receiver that keeps failing retries, logs, and exits exactly as without --notify; a
// secret on the command line, an address given as --notify, or a secret the environment lacks stop the
// command before anything is written.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { WebhookPayload } from '../../src/notify/webhook.js';
import { type CliResult, cli } from '../helpers/cli.js';
import { type HookServer, hookServer, type MailServer, mailServer, signatureHolds } from './servers.js';

const AT = '2026-12-01T10:00:00+08:00';
const SECRET = 'run-hook-secret-0123456789abcdef';
const LOGIN = { user: 'choucha@example.gov.cn', pass: 'smtp-password-from-a-file' };
const ENV = { CHOUCHA_HOOK_SECRET: SECRET };
const VETOED = '4306000012'; // hanweb-five-empty: five empty columns
const WARNED = '4301210004'; // table-near-home: homepage 14 days old, a 预警

let fleet: Fleet;
let hooks: HookServer;
let smtp: MailServer;
let dir: string;
let db: string;
let run: CliResult;

function notifyFile(name: string, yaml: string): string {
  const p = join(dir, name);
  writeFileSync(p, yaml);
  return p;
}

const payloads = () => hooks.requests.map((r) => ({ r, p: JSON.parse(r.body.toString('utf8')) as WebhookPayload }));
const report = (...args: string[]) => cli(['--db', db, 'report', '--quarter', '2026Q4', '--format', 'json', ...args], { env: ENV });

beforeAll(async () => {
  fleet = await startFleet({ at: AT, sites: ['healthy-trs', 'hanweb-five-empty', 'table-near-home'] });
  hooks = await hookServer();
  smtp = await mailServer(LOGIN);
  dir = mkdtempSync(join(tmpdir(), 'choucha-notify-cli-'));
  db = join(dir, 'choucha.db');
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
  writeFileSync(join(dir, 'smtp.password'), `${LOGIN.pass}\n`);
  const config = notifyFile(
    'notify.yaml',
    `
webhooks:
  - { name: 省平台, url: "${hooks.url}/province", secretEnv: CHOUCHA_HOOK_SECRET }
smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false, requireTLS: false, user: ${LOGIN.user}, passwordFile: smtp.password, from: ${LOGIN.user} }
check: { name: 省政府办公厅, webhooks: [省平台] }
offices:
  - { name: 青山市, region: "4306", mail: [wzb@qingshan.example.gov.cn] }
  - { name: 白沙县卫生健康局, sponsor: 白沙县卫生健康局, webhooks: [省平台], events: [veto, pre-warning] }
  - { name: 青山市教育局, sponsor: 青山市教育局, mail: [jyj@qingshan.example.gov.cn] }
`,
  );
  run = await cli(
    [
      '--db',
      db,
      '--allow-private',
      'run',
      '--registry',
      join(dir, 'registry.csv'),
      '--quarter',
      '2026Q4',
      '--at',
      AT,
      '--rounds',
      '1',
      '--links',
      'internal',
      '--no-screenshots',
      '--format',
      'json',
      '--out',
      join(dir, 'run-out'),
      '--notify',
      config,
    ],
    { env: ENV, timeoutMs: 240_000 },
  );
}, 300_000);

afterAll(async () => {
  await fleet?.close();
  await hooks?.close();
  await smtp?.close();
});

describe('choucha run --notify', () => {
  it('tells the check and each office once the reports are written, and exits as the check decides', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'run-out', 'report.json'))).toBe(true);
    // The reports are written first; notifying is the last thing the run does.
    expect(run.stderr.indexOf('wrote ')).toBeLessThan(run.stderr.indexOf('notify: '));
    expect(run.stderr).toContain('notify: nothing sent to 青山市教育局: no site of this check is in its scope');
    expect(run.stderr).toContain('notify: 3 delivered, 0 not delivered');
  });

  it('posts the check’s digest and the office’s, each signed, to the webhook', () => {
    const got = payloads();
    expect(got.every(({ r }) => signatureHolds(r, SECRET))).toBe(true);
    const check = got.find(({ p }) => p.recipient.name === '省政府办公厅')!.p;
    expect(check.events).toEqual(['run-end', 'veto', 'pre-warning']);
    expect(check.summary).toMatchObject({ sites: 3, unqualified: 1, vetoed: 1, warned: 1 });
    expect(check.check.at).toBe('2026-12-01T10:00:00+08:00');
    expect(check.sites.map((s) => s.id)).toEqual([VETOED, WARNED]);
    const baisha = got.find(({ p }) => p.recipient.name === '白沙县卫生健康局')!.p;
    expect(baisha.events).toEqual(['pre-warning']);
    expect(baisha.sites.map((s) => [s.id, s.verdict, s.warnings.map((w) => w.rule)])).toEqual([[WARNED, 'qualified', ['pre-warning']]]);
  });

  it('mails the office of the vetoed site, logged in with the password from its file', () => {
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m.user).toBe(LOGIN.user);
    expect(m.envelopeTo).toEqual(['wzb@qingshan.example.gov.cn']);
    expect(m.mail.subject).toBe('【政府网站抽查】2026年第四季度省级抽查 · 青山市：1 个网站不合格（单项否决 1 个）');
    expect(m.mail.text).toContain(`1. 青山市住房和城乡建设局（网站标识码 ${VETOED}`);
    expect(m.mail.text).toMatch(/· 空白栏目：/);
  });
});

describe('choucha report --notify, a receiver that keeps failing', () => {
  const failing = () =>
    notifyFile(
      'failing.yaml',
      `
webhooks: [{ name: 坏的, url: "${hooks.url}/down", secretEnv: CHOUCHA_HOOK_SECRET }]
check: { webhooks: [坏的] }
retry: { attempts: 3, delay: 50ms }
`,
    );

  it('is tried again, logged, and leaves the exit code as it would be without --notify', async () => {
    hooks.answer = (path) => (path === '/down' ? 503 : 200);
    hooks.requests.length = 0;
    const plain = await report('--out', join(dir, 'plain'), '--fail-on', 'unqualified');
    const notified = await report('--out', join(dir, 'notified'), '--fail-on', 'unqualified', '--notify', failing());
    expect(plain.code).toBe(1);
    expect(notified.code).toBe(1);
    expect(hooks.requests.map((r) => r.path)).toEqual(['/down', '/down', '/down']);
    expect(notified.stderr).toContain('notify: webhook 坏的 (本次抽查): attempt 1 of 3 failed: HTTP 503: busy 1; trying again in 50ms');
    expect(notified.stderr).toContain('notify: webhook 坏的 (本次抽查): not delivered after 3 attempts: HTTP 503: busy 3');
    expect(existsSync(join(dir, 'notified', 'report.json'))).toBe(true);

    const passing = await report('--out', join(dir, 'notified-0'), '--notify', failing());
    expect(passing.code).toBe(0);
  });

  it('is said even with --quiet', async () => {
    const r = await cli(
      ['--db', db, '--quiet', 'report', '--quarter', '2026Q4', '--format', 'json', '--out', join(dir, 'quiet'), '--notify', failing()],
      {
        env: ENV,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('wrote ');
    expect(r.stderr).toContain('notify: webhook 坏的 (本次抽查): not delivered after 3 attempts');
  });
});

describe('secrets never on the command line', () => {
  it.each([
    [['--webhook-secret', SECRET], '--webhook-secret'],
    [[`--smtp-password=${LOGIN.pass}`], '--smtp-password'],
    [['--secret', SECRET], '--secret'],
  ])('refuses %j by name, saying where a secret goes, and writes nothing', async (args, name) => {
    const out = join(dir, `refused${name}`);
    const r = await report('--out', out, '--notify', join(dir, 'notify.yaml'), ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`choucha: ${name}: secrets are not taken on the command line`);
    expect(r.stderr).toContain('secretEnv or secretFile for a webhook, passwordEnv or passwordFile for SMTP');
    // The secret is not echoed back either.
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).not.toContain(LOGIN.pass);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an address as --notify, without echoing its token', async () => {
    const r = await report(
      '--out',
      join(dir, 'refused-url'),
      '--notify',
      'https://oapi.example.com/robot/send?access_token=abcdef0123456789',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choucha: --notify https://oapi.example.com/robot/send?…: expected a notify config file, not an address');
    expect(r.stderr).not.toContain('abcdef0123456789');
  });

  it('stops before writing anything when the secret the config names is not in the environment', async () => {
    const out = join(dir, 'no-secret');
    const r = await cli(['--db', db, 'report', '--quarter', '2026Q4', '--out', out, '--notify', join(dir, 'notify.yaml')], {
      env: { CHOUCHA_HOOK_SECRET: '' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `choucha: ${join(dir, 'notify.yaml')}: webhooks entry 1 (省平台), field secretEnv: environment variable CHOUCHA_HOOK_SECRET is not set, or empty`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
