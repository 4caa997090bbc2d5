// The time one site may take, from its first request: past it, its remaining requests are dropped
// and the site is partially checked (a site that answers slowly must not hold the crawl for hours).

export class SiteBudget<W extends object> {
  private started = new Map<W, number>();
  /** The walk's stop reason, the same for every site. */
  readonly reason: string;

  constructor(private budgetMs: number) {
    this.reason = `超过每站检查时间上限（${Math.round(budgetMs / 1000)} 秒），部分页面未检查`;
  }

  /** Whether the site's time is up at `now`; its first request starts its clock. */
  spent(walk: W, now: number): boolean {
    let since = this.started.get(walk);
    if (since === undefined) {
      since = now;
      this.started.set(walk, now);
    }
    return now - since > this.budgetMs;
  }

  /** A finished site's clock is not kept: memory stays flat however many sites a check has. */
  forget(walk: W): void {
    this.started.delete(walk);
  }
}
