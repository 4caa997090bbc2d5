// Mail through the configured SMTP server, by nodemailer (loaded only when there is mail to send).
// A failure says whether trying again could help: an SMTP 4xx or a lost connection may pass; a 5xx,
// refused credentials or a server without the TLS the config requires will not.
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { Smtp } from './config.js';
import { DeliveryError } from './retry.js';

export interface Mailer {
  send(message: { to: string[]; subject: string; text: string; headers: Record<string, string> }): Promise<void>;
  close(): void;
}

// Failures a retry would meet again.
const FINAL = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'ETLS', 'EREQUIRETLS', 'EENVELOPE', 'EMAXRECIPIENTS']);

function deliveryError(e: unknown): DeliveryError {
  const err = e as Error & { code?: string; responseCode?: number; command?: string };
  const reply = err.responseCode ? `SMTP ${err.responseCode}` : (err.code ?? 'error');
  const why = `${reply}${err.command ? ` to ${err.command}` : ''}: ${err.message.replace(/\s+/g, ' ').trim().slice(0, 200)}`;
  // No TLS where the config requires it: the server will not grow it before the next attempt.
  if (err.code === 'ETLS' || err.command === 'STARTTLS') return new DeliveryError(why, false);
  if (err.responseCode) return new DeliveryError(why, err.responseCode < 500);
  return new DeliveryError(why, !FINAL.has(err.code ?? ''));
}

export async function openMailer(smtp: Smtp, timeoutMs: number): Promise<Mailer> {
  const nodemailer = (await import('nodemailer')).default;
  const transport: Transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure && smtp.requireTLS,
    ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.pass } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // The message is text choucha wrote: it never reaches for a file or an address to attach.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(m) {
      const options: SendMailOptions = { from: smtp.from, to: m.to, subject: m.subject, text: m.text, headers: m.headers };
      let info: { rejected?: unknown[] };
      try {
        info = await transport.sendMail(options);
      } catch (e) {
        throw deliveryError(e);
      }
      // The server took the message for some addresses and refused others: those it refused will not be taken on a retry either.
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) throw new DeliveryError(`refused for ${rejected.join(', ')} (sent to the others)`, false);
    },
    close: () => transport.close(),
  };
}
