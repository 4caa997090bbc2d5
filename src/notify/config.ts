// The notify config (`--notify FILE`, YAML or JSON): webhooks, the SMTP server, and who is told what:
// the check as a whole, and each office for its own sites, by region code prefix or by 主办单位.
// Secrets are named here, never written here: a webhook's secret and the SMTP password come from an
// environment variable or a file of their own, read when the config is loaded so a missing one stops
// the command before anything is fetched.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors.js';

const NOTIFY_EVENTS = ['run-end', 'veto', 'pre-warning'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

const HINT = 'See rules/notify.example.yaml and README (Notifications). Entries of a list are counted from 1.';
const MIN_SECRET = 16;
const NOT_HERE = (what: string, env: string, file: string) =>
  `${what} is not written in the notify config: name an environment variable (${env}) or a file of its own (${file})`;

const duration = z
  .union([z.number().int().min(0), z.string().regex(/^\d+(\.\d+)?(ms|s|m)$/, 'expected a duration such as 500ms, 2s or 1m')])
  .transform((v) => {
    if (typeof v === 'number') return v;
    const [, n, unit] = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(v)!;
    return Number(n) * { ms: 1, s: 1000, m: 60_000 }[unit as 'ms' | 's' | 'm'];
  });

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

const webhookSchema = z.strictObject({
  name: z.string().trim().min(1),
  url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' }).refine((u) => {
    const p = new URL(u);
    return p.username === '' && p.password === '';
  }, 'a webhook address carries no user or password: the request is signed with the secret instead'),
  secretEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable')
    .optional(),
  secretFile: z.string().min(1).optional(),
  secret: z.never({ error: NOT_HERE('A webhook secret', 'secretEnv', 'secretFile') }).optional(),
});

const smtpSchema = z.strictObject({
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65535).default(465),
  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS. Default: true on 465. */
  secure: z.boolean().optional(),
  /** Refuse to send when the server offers no STARTTLS on a plain connection, so a password never travels in clear. */
  requireTLS: z.boolean().default(true),
  user: z.string().trim().min(1).optional(),
  passwordEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable')
    .optional(),
  passwordFile: z.string().min(1).optional(),
  password: z.never({ error: NOT_HERE('The SMTP password', 'passwordEnv', 'passwordFile') }).optional(),
  pass: z.never({ error: NOT_HERE('The SMTP password', 'passwordEnv', 'passwordFile') }).optional(),
  from: z.string().trim().min(1),
});

const channels = {
  mail: oneOrMany(z.email({ error: 'expected an e-mail address' })).optional(),
  webhooks: oneOrMany(z.string().trim().min(1)).optional(),
  events: z
    .array(z.enum(NOTIFY_EVENTS, { error: `expected one of ${NOTIFY_EVENTS.join(', ')}` }))
    .min(1)
    .optional(),
};

const checkSchema = z.strictObject({ name: z.string().trim().min(1).optional(), ...channels });

const officeSchema = z.strictObject({
  name: z.string().trim().min(1),
  region: oneOrMany(
    z
      .union([z.string(), z.number().int().transform(String)])
      .pipe(z.string().regex(/^\d{2,6}$/, 'expected a region code prefix of 2 to 6 digits, e.g. 4301')),
  ).optional(),
  sponsor: oneOrMany(z.string().trim().min(1)).optional(),
  ...channels,
});

const fileSchema = z.strictObject({
  webhooks: z.array(webhookSchema).default([]),
  smtp: smtpSchema.optional(),
  check: checkSchema.optional(),
  offices: z.array(officeSchema).default([]),
  retry: z
    .strictObject({
      attempts: z.number().int().min(1).max(10).default(4),
      delay: duration.default(2000),
      maxDelay: duration.default(30_000),
    })
    .default({ attempts: 4, delay: 2000, maxDelay: 30_000 }),
  timeout: duration.default(15_000),
});

export interface Webhook {
  name: string;
  url: string;
  secret: string;
}

export interface Smtp {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth: { user: string; pass: string } | null;
  from: string;
}

/** Which sites a recipient hears about: every site of the check, or an office's by region code prefix or 主办单位. */
export type Scope = { kind: 'all' } | { kind: 'region'; prefixes: string[] } | { kind: 'sponsor'; names: string[] };

export interface Recipient {
  name: string;
  scope: Scope;
  /** What the recipient is told about: it is sent its digest when one of these happened in its scope. */
  events: NotifyEvent[];
  mail: string[];
  webhooks: Webhook[];
}

export interface RetryPolicy {
  attempts: number;
  delayMs: number;
  maxDelayMs: number;
}

export interface NotifyConfig {
  file: string;
  recipients: Recipient[];
  smtp: Smtp | null;
  retry: RetryPolicy;
  timeoutMs: number;
}

/** "offices entry 2 (长沙市人民政府办公厅), field region": the place in the file a person looks, lists counted from 1. */
function where(path: PropertyKey[], data: unknown): string {
  const parts: string[] = [];
  let node: unknown = data;
  let fields: string[] = [];
  for (const key of path) {
    node = node != null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      // An entry of a list of sections (webhooks, offices) is named by its name; a value in a list of values by its field.
      if (node != null && typeof node === 'object') {
        const name = (node as { name?: unknown }).name;
        parts.push(`${fields.join('.')} entry ${key + 1}${typeof name === 'string' && name.trim() ? ` (${name.trim()})` : ''}`);
      } else parts.push(`field ${fields.join('.')}, entry ${key + 1}`);
      fields = [];
    } else fields.push(String(key));
  }
  if (fields.length > 0) parts.push(`field ${fields.join('.')}`);
  return parts.join(', ');
}

function fail(file: string, place: string, message: string): never {
  throw new InputError(`${file}${place ? `: ${place}` : ''}: ${message}`, 'The notify config does not match what choucha expects.', HINT);
}

function readSecret(file: string, place: string, env: NodeJS.ProcessEnv, fromEnv?: string, fromFile?: string): string {
  let value: string;
  if (fromEnv !== undefined) {
    value = env[fromEnv] ?? '';
    if (value === '') fail(file, place, `environment variable ${fromEnv} is not set, or empty`);
  } else {
    const path = resolve(dirname(file), fromFile!);
    if (!existsSync(path)) fail(file, place, `no such file: ${path}`);
    // A secret file ends with the newline an editor or `echo` leaves: it is no part of the secret.
    value = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    if (value === '') fail(file, place, `the file ${path} is empty`);
  }
  return value;
}

/** Reads and validates the notify config, and the secrets it names; a mistake names the file and the field. */
export function loadNotifyConfig(file: string, env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  if (!existsSync(file)) fail(file, '', 'no such file');
  let data: unknown;
  try {
    // JSON is YAML: one parser reads both, and its errors say the line.
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, '', `not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = fileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown key is named by itself, so the person finds it: "field webhook" rather than the object around it.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length === 1 ? [...issue.path, keys[0]!] : issue.path;
    fail(file, where(path, data), issue.message);
  }
  const c = parsed.data;

  const hooks = new Map<string, Webhook>();
  c.webhooks.forEach((w, i) => {
    const at = (...field: string[]) => where(['webhooks', i, ...field], data);
    if (hooks.has(w.name)) fail(file, at('name'), `a second webhook named "${w.name}": names must differ`);
    if ((w.secretEnv === undefined) === (w.secretFile === undefined))
      fail(file, at(), 'expected exactly one of secretEnv or secretFile: every webhook is signed with its secret');
    const field = w.secretEnv !== undefined ? 'secretEnv' : 'secretFile';
    const secret = readSecret(file, at(field), env, w.secretEnv, w.secretFile);
    if (secret.length < MIN_SECRET)
      fail(file, at(field), `the secret is ${secret.length} characters long; expected at least ${MIN_SECRET}`);
    hooks.set(w.name, { name: w.name, url: w.url, secret });
  });

  let smtp: Smtp | null = null;
  if (c.smtp) {
    const s = c.smtp;
    const hasPassword = s.passwordEnv !== undefined || s.passwordFile !== undefined;
    if (s.passwordEnv !== undefined && s.passwordFile !== undefined)
      fail(file, 'field smtp', 'expected one of passwordEnv or passwordFile, not both');
    if (hasPassword !== (s.user !== undefined))
      fail(file, 'field smtp', 'a user and its password (passwordEnv or passwordFile) go together, or neither is given');
    const field = s.passwordEnv !== undefined ? 'smtp.passwordEnv' : 'smtp.passwordFile';
    smtp = {
      host: s.host,
      port: s.port,
      secure: s.secure ?? s.port === 465,
      requireTLS: s.requireTLS,
      auth: s.user !== undefined ? { user: s.user, pass: readSecret(file, `field ${field}`, env, s.passwordEnv, s.passwordFile) } : null,
      from: s.from,
    };
  }

  const recipient = (
    entry: z.output<typeof checkSchema> & { name?: string },
    scope: Scope,
    path: PropertyKey[],
    fallbackName: string,
  ): Recipient => {
    const at = (...field: string[]) => where([...path, ...field], data);
    const webhooks = (entry.webhooks ?? []).map((name) => {
      const hook = hooks.get(name);
      if (!hook)
        fail(file, at('webhooks'), `no webhook named "${name}" (the webhooks list has: ${[...hooks.keys()].join(', ') || 'none'})`);
      return hook;
    });
    const mail = entry.mail ?? [];
    if (mail.length > 0 && !smtp) fail(file, at('mail'), 'mail needs an smtp section to send it through');
    if (mail.length === 0 && webhooks.length === 0) fail(file, at(), 'expected mail or webhooks: someone to tell');
    return { name: entry.name ?? fallbackName, scope, events: [...new Set(entry.events ?? NOTIFY_EVENTS)], mail, webhooks };
  };

  const recipients: Recipient[] = [];
  if (c.check) recipients.push(recipient(c.check, { kind: 'all' }, ['check'], '本次抽查'));
  c.offices.forEach((o, i) => {
    if ((o.region === undefined) === (o.sponsor === undefined))
      fail(
        file,
        where(['offices', i], data),
        'expected exactly one of region (region code prefixes) or sponsor (主办单位): which sites are the office’s',
      );
    const scope: Scope = o.region ? { kind: 'region', prefixes: o.region } : { kind: 'sponsor', names: o.sponsor! };
    recipients.push(recipient(o, scope, ['offices', i], o.name));
  });
  if (recipients.length === 0) fail(file, '', 'nobody to notify: expected a check section or at least one office');

  return {
    file,
    recipients,
    smtp,
    retry: { attempts: c.retry.attempts, delayMs: c.retry.delay, maxDelayMs: c.retry.maxDelay },
    timeoutMs: c.timeout,
  };
}
