// A digest POSTed as JSON, signed with the webhook's secret: HMAC-SHA256 of the exact body bytes, hex,
// in X-Choucha-Signature-256 as "sha256=<hex>" (the form GitHub's webhooks use, so receivers know it).
// X-Choucha-Delivery is the same on every attempt of one delivery: a receiver that saw it drops the repeat.
import { createHmac } from 'node:crypto';
import type { Webhook } from './config.js';
import type { Digest } from './digest.js';
import { DeliveryError } from './retry.js';

const SIGNATURE_HEADER = 'X-Choucha-Signature-256';
const DELIVERY_HEADER = 'X-Choucha-Delivery';
export const EVENT_HEADER = 'X-Choucha-Event';

/** What a receiver gets: the digest, with the delivery's id and when it was first sent. */
export interface WebhookPayload extends Digest {
  schemaVersion: 1;
  id: string;
  sentAt: string;
}

export function webhookPayload(digest: Digest, id: string, sentAt: string): WebhookPayload {
  return { schemaVersion: 1, id, sentAt, ...digest };
}

/** "sha256=<hex>" of the body as sent. */
export function signature(body: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

// Statuses that may pass: the receiver busy, rate-limiting, or down for a moment.
const PASSING = new Set([408, 425, 429, 500, 502, 503, 504]);

export async function postWebhook(hook: Webhook, payload: WebhookPayload, opts: { timeoutMs: number; userAgent: string }): Promise<void> {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  let res: Response;
  try {
    res = await fetch(hook.url, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': opts.userAgent,
        [SIGNATURE_HEADER]: signature(body, hook.secret),
        [DELIVERY_HEADER]: payload.id,
        [EVENT_HEADER]: payload.events.join(','),
      },
      // A redirect would carry the signed body somewhere the config does not name: it is a failure.
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why =
      err.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new DeliveryError(why, true);
  }
  // The answer's body is not needed, but it is read (a little) so the connection is freed, and it may say why.
  const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
  if (res.status >= 200 && res.status < 300) return;
  const why = `HTTP ${res.status}${res.status >= 300 && res.status < 400 ? ` (a redirect to ${res.headers.get('location') ?? 'nowhere'}, not followed)` : ''}${text ? `: ${text}` : ''}`;
  throw new DeliveryError(why, PASSING.has(res.status));
}
