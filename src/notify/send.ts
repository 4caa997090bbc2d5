// After the reports are written: each recipient's digest to its webhooks and mail addresses, a few at a
// time, each delivery retried on its own. Nothing here throws or changes how the command exits: a
// notification that could not be delivered is logged, and the check stands as it was judged.
import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import type { Report } from '../model/report.js';
import { cstIso } from '../report/time.js';
import type { NotifyConfig } from './config.js';
import { planDigests } from './digest.js';
import { type Mailer, openMailer } from './mail.js';
import { mailSubject, mailText } from './mail-text.js';
import { type NotifyLog, type Outcome, withRetry } from './retry.js';
import { EVENT_HEADER, postWebhook, webhookPayload } from './webhook.js';

export interface NotifyResult {
  delivered: number;
  failed: number;
}

export interface NotifyOptions {
  log: NotifyLog;
  userAgent: string;
  /** When the deliveries start (ISO); given in the payload as sentAt, China time. */
  now: string;
}

const CONCURRENCY = 4;

export async function sendNotifications(report: Report, config: NotifyConfig, opts: NotifyOptions): Promise<NotifyResult> {
  const { log } = opts;
  const result: NotifyResult = { delivered: 0, failed: 0 };
  let mailer: Mailer | null = null;
  try {
    const plan = planDigests(report, config.recipients);
    for (const q of plan.quiet) log(`notify: nothing sent to ${q.name}: ${q.reason}`);
    if (plan.unclaimed.length > 0)
      log(`notify: ${plan.unclaimed.length} site(s) of the check belong to no office in ${config.file}: ${plan.unclaimed.join(', ')}`);
    const count = (o: Outcome) => (o.delivered ? result.delivered++ : result.failed++);
    const queue = new PQueue({ concurrency: CONCURRENCY });
    const sentAt = cstIso(opts.now);
    const jobs: Promise<void>[] = [];
    for (const { to: r, digest: d } of plan.digests) {
      for (const hook of r.webhooks) {
        const payload = webhookPayload(d, randomUUID(), sentAt);
        jobs.push(
          queue.add(async () => {
            const what = `webhook ${hook.name} (${d.recipient.name})`;
            count(
              await withRetry(
                what,
                () => postWebhook(hook, payload, { timeoutMs: config.timeoutMs, userAgent: opts.userAgent }),
                config.retry,
                log,
              ),
            );
          }),
        );
      }
      const to = r.mail;
      if (to.length > 0) {
        mailer ??= await openMailer(config.smtp!, config.timeoutMs);
        const m = mailer;
        const message = { to, subject: mailSubject(d), text: mailText(d), headers: { [EVENT_HEADER]: d.events.join(',') } };
        jobs.push(
          queue.add(async () => {
            count(await withRetry(`mail to ${d.recipient.name} (${to.join(', ')})`, () => m.send(message), config.retry, log));
          }),
        );
      }
    }
    await Promise.all(jobs);
  } catch (e) {
    // A fault of choucha's own, not of a receiver: still no reason to fail a check that was judged and written.
    log(`notify: stopped by an unexpected error: ${(e as Error).message}`, 'warn');
    result.failed++;
  } finally {
    mailer?.close();
  }
  log(`notify: ${result.delivered} delivered, ${result.failed} not delivered`, result.failed > 0 ? 'warn' : 'info');
  return result;
}
