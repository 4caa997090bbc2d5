// Real receivers on 127.0.0.1 for the notification tests: an HTTP server that keeps every webhook
// request (headers and raw body) and answers as a test tells it, and an SMTP server (smtp-server) that
// checks the login and keeps every message, read back with mailparser as a mail client would.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

export interface HookServer {
  url: string;
  requests: Received[];
  /** The status to answer the nth request (from 1) to a path with; 200 when no rule says otherwise. */
  answer: (path: string, nth: number) => number;
  close(): Promise<void>;
}

export async function hookServer(): Promise<HookServer> {
  const requests: Received[] = [];
  const counts = new Map<string, number>();
  const s: HookServer = { url: '', requests, answer: () => 200, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks), at: Date.now() });
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const status = s.answer(path, n);
      res.writeHead(status, status >= 300 && status < 400 ? { location: 'http://127.0.0.1:1/elsewhere' } : {});
      res.end(status === 200 ? 'ok' : `busy ${n}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s.close = () => new Promise((resolve) => server.close(() => resolve()));
  return s;
}

/** Whether the X-Choucha-Signature-256 header is the HMAC-SHA256 of the raw body under `secret`, as a receiver checks it. */
export function signatureHolds(r: Received, secret: string): boolean {
  const given = Buffer.from(String(r.headers['x-choucha-signature-256'] ?? ''));
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface MailServer {
  port: number;
  messages: { envelopeTo: string[]; user: string | undefined; mail: ParsedMail }[];
  /** The SMTP reply to the nth message (from 1, since the last reset): null accepts it, a number refuses it with that code. */
  refuse: (nth: number) => number | null;
  /** Forgets the messages and the count, and accepts everything again. */
  reset(): void;
  close(): Promise<void>;
}

export async function mailServer(login: { user: string; pass: string }): Promise<MailServer> {
  const messages: MailServer['messages'] = [];
  let n = 0;
  const s: MailServer = {
    port: 0,
    messages,
    refuse: () => null,
    reset: () => {
      messages.length = 0;
      n = 0;
      s.refuse = () => null;
    },
    close: async () => {},
  };
  const server = new SMTPServer({
    // Plain SMTP on loopback, no STARTTLS: the config under test must say requireTLS: false to log in here.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const nth = ++n;
      simpleParser(stream)
        .then((mail) => {
          const code = s.refuse(nth);
          if (code !== null) return callback(Object.assign(new Error(`refused ${nth}`), { responseCode: code }));
          messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s.port = (server.server.address() as AddressInfo).port;
  s.close = () => new Promise((resolve) => server.close(() => resolve()));
  return s;
}
