// The crawl's jar of cookies earned by passing a firewall's challenge: sent to the host that earned
// them and to no other, one pass at a time per host, at most MAX_PASSES, then blocked with the reason.
import { describe, expect, it } from 'vitest';
import type { ChallengeCookie, ChallengeResult } from '../../src/gather/browser/challenge.js';
import { ChallengeCookies, MAX_PASSES, WHY } from '../../src/gather/crawl/challenge-cookies.js';

const cookie = (over: Partial<ChallengeCookie> = {}): ChallengeCookie => ({
  name: '__jsl_clearance',
  value: 'v1',
  domain: 'www.a.gov.cn',
  path: '/',
  expires: -1,
  secure: false,
  ...over,
});

/** A jar whose browser passes with the given cookies, counting the passes asked for. */
function jar(results: ChallengeResult[]) {
  const asked: string[] = [];
  const j = new ChallengeCookies(async (url) => {
    asked.push(url);
    await new Promise((r) => setTimeout(r, 5));
    return results[Math.min(asked.length - 1, results.length - 1)]!;
  });
  return { j, asked };
}

describe('ChallengeCookies', () => {
  it('sends a host its own cookies only: not another host or port, not outside its path, secure ones over HTTPS only', async () => {
    const { j } = jar([
      {
        passed: true,
        cookies: [
          cookie(),
          cookie({ name: 'sid', value: 's', domain: '.a.gov.cn', path: '/' }),
          cookie({ name: 'col', value: 'c', path: '/c1' }),
          cookie({ name: 'tls', value: 't', secure: true }),
          cookie({ name: 'old', value: 'o', expires: 1 }),
        ],
      },
    ]);
    expect(await j.refused('http://www.a.gov.cn/', undefined)).toEqual({ retry: true });
    expect(j.header('http://www.a.gov.cn/index.html')).toBe('__jsl_clearance=v1; sid=s');
    expect(j.header('http://www.a.gov.cn/c1/list.html')).toBe('__jsl_clearance=v1; sid=s; col=c');
    expect(j.header('http://www.a.gov.cn/c10/')).toBe('__jsl_clearance=v1; sid=s');
    // A secure cookie goes over HTTPS only (the same name on the default ports is the same host).
    expect(j.header('https://www.a.gov.cn/')).toBe('__jsl_clearance=v1; sid=s; tls=t');
    expect(j.header('http://www.a.gov.cn:8080/')).toBeUndefined();
    expect(j.header('http://www.b.gov.cn/')).toBeUndefined();
    expect(j.header('http://a.gov.cn/')).toBeUndefined();
  });

  it('requests refused at once share one pass, and a request sent before the pass retries without another', async () => {
    const { j, asked } = jar([{ passed: true, cookies: [cookie()] }]);
    const all = await Promise.all([1, 2, 3].map(() => j.refused('http://www.a.gov.cn/', undefined)));
    expect(all).toEqual([{ retry: true }, { retry: true }, { retry: true }]);
    expect(await j.refused('http://www.a.gov.cn/c1/', undefined)).toEqual({ retry: true });
    expect(asked).toEqual(['http://www.a.gov.cn/']);
  });

  it(`a cookie that stops working is earned again, ${MAX_PASSES} passes in all, then the host stays blocked`, async () => {
    const { j, asked } = jar([
      { passed: true, cookies: [cookie({ value: 'v1' })] },
      { passed: true, cookies: [cookie({ value: 'v2' })] },
    ]);
    expect(await j.refused('http://www.a.gov.cn/', undefined)).toEqual({ retry: true });
    expect(await j.refused('http://www.a.gov.cn/c1/', '__jsl_clearance=v1')).toEqual({ retry: true });
    expect(j.header('http://www.a.gov.cn/')).toBe('__jsl_clearance=v2');
    expect(await j.refused('http://www.a.gov.cn/c2/', '__jsl_clearance=v2')).toEqual({ retry: false, reason: WHY.stillBlocked });
    expect(await j.refused('http://www.a.gov.cn/c3/', '__jsl_clearance=v2')).toEqual({ retry: false, reason: WHY.stillBlocked });
    expect(asked).toHaveLength(MAX_PASSES);
  });

  it('near miss: a challenge the browser cannot pass is asked once, and every page of the host says why', async () => {
    const { j, asked } = jar([{ passed: false, reason: '页面要求人工完成滑块或验证码' }]);
    const why = { retry: false, reason: WHY.failed('页面要求人工完成滑块或验证码') };
    expect(await j.refused('http://www.a.gov.cn/', undefined)).toEqual(why);
    expect(await j.refused('http://www.a.gov.cn/c1/', undefined)).toEqual(why);
    expect(asked).toHaveLength(1);
    // Another host is its own case.
    expect(j.header('http://www.b.gov.cn/')).toBeUndefined();
  });
});
