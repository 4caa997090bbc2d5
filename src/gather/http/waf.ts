// A web application firewall (创宇盾, 安全狗, 云盾, 云锁, 加速乐…) answering instead of the site: the
// checker was stopped, the site was not found missing. Their answers carry their names in headers.
// 412 (a JavaScript challenge) and 429 (a rate limit) are always such an answer; a 403 only with a
// firewall's mark, since a plain 403 is what a removed or closed page gives a person too.
const WAF_SERVER = /yundun|safedog|jiasule|yunsuo|knownsec|chuangyu|wangzhanbao|waf/i;
const WAF_COOKIE = /safedog-flow-item|__jsluid|yunsuo_session|jsl_clearance|__jsl_clearance/i;

export type Headers = Record<string, string | string[] | undefined>;

function values(h: Headers, name: string): string {
  const v = h[name];
  return Array.isArray(v) ? v.join('\n') : (v ?? '');
}

/** Whether an answer of this status and headers is a firewall stopping the checker. */
export function blockedByWaf(status: number, headers: Headers): boolean {
  if (status === 412 || status === 429) return true;
  // 521 is 加速乐's challenge status (its __jsl_clearance cookie or its server name marks it); without the
  // mark it is a CDN saying the site's own server is down, which is the site's failure.
  if (status !== 403 && status !== 405 && status !== 503 && status !== 521) return false;
  return WAF_SERVER.test(values(headers, 'server')) || WAF_COOKIE.test(values(headers, 'set-cookie')) || values(headers, 'x-waf') !== '';
}
