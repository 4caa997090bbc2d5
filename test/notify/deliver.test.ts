// Deliveries to real receivers on 127.0.0.1: webhooks signed with HMAC-SHA256 and checked as a receiver
// checks them, mail through a real SMTP server with a login and read back with mailparser; a receiver that
// fails is tried again with growing pauses and logged, one that refuses for good is not tried again, and
// sendNotifications never throws.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNotifyConfig } from '../../src/notify/config.js';
import { sendNotifications } from '../../src/notify/send.js';
import type { WebhookPayload } from '../../src/notify/webhook.js';
import { loadReport } from '../report/fixture.js';
import { type HookServer, hookServer, type MailServer, mailServer, signatureHolds } from './servers.js';

const dir = mkdtempSync(join(tmpdir(), 'choucha-notify-'));
const SECRET = 'province-hook-secret-0123456789';
const OFFICE_SECRET = 'changsha-hook-secret-9876543210';
const LOGIN = { user: 'choucha@example.gov.cn', pass: 'smtp-password-from-env' };
const ENV = { HOOK_SECRET: SECRET, SMTP_PASSWORD: LOGIN.pass };
const NOW = '2026-12-01T04:31:00.000Z';

let hooks: HookServer;
let smtp: MailServer;
let n = 0;

function config(yaml: string, env: NodeJS.ProcessEnv) {
  const p = join(dir, `notify-${++n}.yaml`);
  writeFileSync(p, yaml);
  return loadNotifyConfig(p, env);
}

async function send(yaml: string, env: NodeJS.ProcessEnv = ENV) {
  const lines: string[] = [];
  const log = (l: string) => lines.push(l);
  const result = await sendNotifications(loadReport(), config(yaml, env), { log, userAgent: 'choucha/test', now: NOW });
  return { result, lines };
}

const payload = (i: number) => JSON.parse(hooks.requests[i]!.body.toString('utf8')) as WebhookPayload;

beforeAll(async () => {
  hooks = await hookServer();
  smtp = await mailServer(LOGIN);
  writeFileSync(join(dir, 'changsha.secret'), `${OFFICE_SECRET}\n`);
});

afterAll(async () => {
  await hooks.close();
  await smtp.close();
});

describe('webhooks', () => {
  it('posts each recipient its digest as JSON, signed with its own secret, in China time', async () => {
    hooks.requests.length = 0;
    const { result } = await send(`
webhooks:
  - { name: 省平台, url: "${hooks.url}/province", secretEnv: HOOK_SECRET }
  - { name: 长沙, url: "${hooks.url}/changsha", secretFile: changsha.secret }
check: { name: 办公厅, webhooks: [省平台] }
offices:
  - { name: 长沙市教育局, sponsor: 长沙市教育局, webhooks: [长沙] }
  - { name: 湖北, region: "42", webhooks: [长沙], events: [pre-warning] }
`);
    expect(result).toEqual({ delivered: 2, failed: 0 });
    const byPath = new Map(hooks.requests.map((r, i) => [r.path, { r, p: payload(i) }]));
    expect([...byPath.keys()].sort()).toEqual(['/changsha', '/province']);
    const province = byPath.get('/province')!;
    const changsha = byPath.get('/changsha')!;
    // Signed: each with its own secret, and not with the other's (the check can fail).
    expect(signatureHolds(province.r, SECRET)).toBe(true);
    expect(signatureHolds(changsha.r, OFFICE_SECRET)).toBe(true);
    expect(signatureHolds(changsha.r, SECRET)).toBe(false);
    expect(province.r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(province.r.headers['user-agent']).toBe('choucha/test');
    expect(province.r.headers['x-choucha-event']).toBe('run-end,veto,pre-warning');
    expect(province.r.headers['x-choucha-delivery']).toBe(province.p.id);
    expect(changsha.p.id).not.toBe(province.p.id);
    expect(province.p).toMatchObject({
      schemaVersion: 1,
      sentAt: '2026-12-01T12:31:00+08:00',
      events: ['run-end', 'veto', 'pre-warning'],
      recipient: { name: '办公厅', scope: { kind: 'all' } },
      check: { quarter: '2026Q4', tier: 'province', at: '2026-12-01T10:00:00+08:00', generatedAt: '2026-12-01T12:30:00+08:00' },
      summary: { sites: 5, unqualified: 3, vetoed: 2, warned: 1 },
    });
    expect(changsha.p.recipient).toEqual({ name: '长沙市教育局', scope: { kind: 'sponsor', names: ['长沙市教育局'] } });
    expect(changsha.p.sites.map((s) => [s.id, s.vetoed, s.problems.map((f) => f.title)])).toEqual([
      ['4301000002', true, ['首页不更新', '空白栏目', '空白栏目', '不可用链接']],
    ]);
    expect(changsha.r.headers['x-choucha-event']).toBe('run-end,veto');
  });

  it('tries a failing receiver again with growing pauses, the same delivery each time, and logs every failure', async () => {
    hooks.requests.length = 0;
    hooks.answer = (path, nth) => (path === '/flaky' && nth <= 2 ? 503 : 200);
    const { result, lines } = await send(`
webhooks: [{ name: 平台, url: "${hooks.url}/flaky", secretEnv: HOOK_SECRET }]
check: { webhooks: [平台] }
retry: { attempts: 4, delay: 150ms }
`);
    expect(result).toEqual({ delivered: 1, failed: 0 });
    expect(hooks.requests.map((r) => r.path)).toEqual(['/flaky', '/flaky', '/flaky']);
    // One delivery: the same id, body and signature on every attempt, so a receiver can drop a repeat.
    expect(new Set(hooks.requests.map((r) => r.headers['x-choucha-delivery'])).size).toBe(1);
    expect(new Set(hooks.requests.map((r) => r.body.toString('base64'))).size).toBe(1);
    expect(hooks.requests.every((r) => signatureHolds(r, SECRET))).toBe(true);
    const [a, b, c] = hooks.requests.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(140);
    expect(c! - b!).toBeGreaterThanOrEqual(290);
    expect(lines).toEqual([
      'notify: webhook 平台 (本次抽查): attempt 1 of 4 failed: HTTP 503: busy 1; trying again in 150ms',
      'notify: webhook 平台 (本次抽查): attempt 2 of 4 failed: HTTP 503: busy 2; trying again in 300ms',
      'notify: webhook 平台 (本次抽查): delivered on attempt 3',
      'notify: 1 delivered, 0 not delivered',
    ]);
  });

  it('gives up after the last attempt, logs it, and returns rather than throws', async () => {
    hooks.requests.length = 0;
    hooks.answer = (path) => (path === '/down' ? 500 : 200);
    const { result, lines } = await send(`
webhooks: [{ name: 平台, url: "${hooks.url}/down", secretEnv: HOOK_SECRET }]
check: { webhooks: [平台] }
retry: { attempts: 3, delay: 20ms }
`);
    expect(result).toEqual({ delivered: 0, failed: 1 });
    expect(hooks.requests).toHaveLength(3);
    expect(lines.at(-2)).toBe('notify: webhook 平台 (本次抽查): not delivered after 3 attempts: HTTP 500: busy 3');
    expect(lines.at(-1)).toBe('notify: 0 delivered, 1 not delivered');
  });

  it('does not try again what would be refused the same way: a rejected signature, a redirect', async () => {
    hooks.requests.length = 0;
    hooks.answer = (path) => (path === '/auth' ? 401 : path === '/moved' ? 308 : 200);
    const { result, lines } = await send(`
webhooks:
  - { name: 验签, url: "${hooks.url}/auth", secretEnv: HOOK_SECRET }
  - { name: 搬走, url: "${hooks.url}/moved", secretEnv: HOOK_SECRET }
check: { webhooks: [验签, 搬走] }
retry: { attempts: 4, delay: 20ms }
`);
    expect(result).toEqual({ delivered: 0, failed: 2 });
    expect(hooks.requests.map((r) => r.path).sort()).toEqual(['/auth', '/moved']);
    expect(lines).toContain(
      'notify: webhook 验签 (本次抽查): not delivered: HTTP 401: busy 1 (not retried: it would be refused the same way)',
    );
    expect(lines).toContain(
      'notify: webhook 搬走 (本次抽查): not delivered: HTTP 308 (a redirect to http://127.0.0.1:1/elsewhere, not followed): busy 1 (not retried: it would be refused the same way)',
    );
  });

  it('tries again when nothing listens at the address', async () => {
    const gone = await hookServer();
    await gone.close();
    const { result, lines } = await send(`
webhooks: [{ name: 平台, url: "${gone.url}/hook", secretEnv: HOOK_SECRET }]
check: { webhooks: [平台] }
retry: { attempts: 2, delay: 10ms }
`);
    expect(result).toEqual({ delivered: 0, failed: 1 });
    expect(lines[0]).toBe('notify: webhook 平台 (本次抽查): attempt 1 of 2 failed: ECONNREFUSED; trying again in 10ms');
    expect(lines[1]).toBe('notify: webhook 平台 (本次抽查): not delivered after 2 attempts: ECONNREFUSED');
  });
});

describe('mail', () => {
  const smtpSection = (extra = '') =>
    `smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false, requireTLS: false, user: ${LOGIN.user}, passwordEnv: SMTP_PASSWORD, from: "政府网站抽查 <${LOGIN.user}>"${extra} }`;

  it('mails each office its digest through the SMTP server, logged in with the password from the environment', async () => {
    smtp.reset();
    const { result } = await send(`
${smtpSection()}
offices:
  - { name: 湖南省政府办公厅, region: "43", mail: [wzb@hunan.example.gov.cn, jgc@hunan.example.gov.cn] }
  - { name: 武汉市民政局, sponsor: 武汉市民政局, mail: wzb@mzj.wuhan.example.gov.cn }
`);
    expect(result).toEqual({ delivered: 2, failed: 0 });
    const bySubject = new Map(smtp.messages.map((m) => [m.mail.subject, m]));
    const hunan = bySubject.get(
      '【政府网站抽查】2026年第四季度省级抽查 · 湖南省政府办公厅：1 个网站不合格（单项否决 1 个），1 个网站预警',
    )!;
    expect(hunan.user).toBe(LOGIN.user);
    expect(hunan.envelopeTo).toEqual(['wzb@hunan.example.gov.cn', 'jgc@hunan.example.gov.cn']);
    expect(hunan.mail.from?.value).toEqual([{ address: LOGIN.user, name: '政府网站抽查' }]);
    expect(hunan.mail.headers.get('x-choucha-event')).toBe('run-end,veto,pre-warning');
    const text = hunan.mail.text!;
    expect(text).toContain('湖南省政府办公厅：');
    expect(text).toContain('监测时间点：2026-12-01 10:00:00，北京时间');
    expect(text).toContain('1. 长沙市教育局（网站标识码 4301000002，湖南省 长沙市）');
    expect(text).toContain('   · 首页不更新：首页最近更新于 2026-10-20，已超过 2 周未更新');
    expect(text).toContain('   · 预警：首页最新信息发布于 2026-11-19');
    // An office is told of its own sites only.
    expect(text).not.toContain('武汉市民政局');
    const wuhan = bySubject.get('【政府网站抽查】2026年第四季度省级抽查 · 武汉市民政局：1 个网站不合格')!;
    expect(wuhan.envelopeTo).toEqual(['wzb@mzj.wuhan.example.gov.cn']);
    expect(wuhan.mail.text).toContain('1. 武汉市民政局（网站标识码 4201000003，湖北省 武汉市） 得分 55.0');
    expect(wuhan.mail.text).not.toContain('长沙市教育局');
  });

  it('tries again after an SMTP 4xx, and not after a 5xx', async () => {
    smtp.reset();
    smtp.refuse = (nth) => (nth === 1 ? 451 : null);
    const retried = await send(`${smtpSection()}\ncheck: { mail: [a@example.gov.cn] }\nretry: { attempts: 3, delay: 20ms }\n`);
    expect(retried.result).toEqual({ delivered: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect(retried.lines[0]).toMatch(
      /^notify: mail to 本次抽查 \(a@example\.gov\.cn\): attempt 1 of 3 failed: SMTP 451 to DATA: .*; trying again in 20ms$/,
    );
    smtp.reset();
    smtp.refuse = () => 550;
    const refused = await send(`${smtpSection()}\ncheck: { mail: [a@example.gov.cn] }\nretry: { attempts: 3, delay: 20ms }\n`);
    expect(refused.result).toEqual({ delivered: 0, failed: 1 });
    expect(refused.lines[0]).toMatch(/^notify: mail to 本次抽查 \(a@example\.gov\.cn\): not delivered: SMTP 550 to DATA: .*\(not retried/);
  });

  it('refuses to log in without TLS unless the config says requireTLS: false, so a password never travels in clear', async () => {
    smtp.reset();
    const section = `smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false, user: ${LOGIN.user}, passwordEnv: SMTP_PASSWORD, from: ${LOGIN.user} }`;
    const { result, lines } = await send(`${section}\ncheck: { mail: [a@example.gov.cn] }\nretry: { attempts: 3, delay: 20ms }\n`);
    expect(result).toEqual({ delivered: 0, failed: 1 });
    expect(smtp.messages).toHaveLength(0);
    expect(lines[0]).toMatch(/not delivered: SMTP 500 to STARTTLS: Error upgrading connection with STARTTLS.*\(not retried/);
  });

  it('a wrong password is refused once, not tried again', async () => {
    const { result, lines } = await send(`${smtpSection()}\ncheck: { mail: [a@example.gov.cn] }\nretry: { attempts: 3, delay: 20ms }\n`, {
      SMTP_PASSWORD: 'not-the-password',
    });
    expect(result).toEqual({ delivered: 0, failed: 1 });
    expect(lines[0]).toMatch(/not delivered: SMTP 535 to AUTH PLAIN: Invalid login.*\(not retried/);
  });
});
