// Politeness: per host, at most `perHost` requests in flight and `delayMs` between starts. What else
// may hold a job back (the overall limits, the site's time budget) is the gate's to say.

/** A job as the lanes see it: the host it asks. */
export interface HostJob {
  host: string;
}

export interface LaneGate<J extends HostJob> {
  /** False holds the job's lane: the overall limit is reached, and a request that settles moves it on. */
  mayStart(job: J): boolean;
  /** False drops the job unfetched (the gate has answered it): it takes no turn of its host. */
  keep(job: J, now: number): boolean;
  /** Hands the job to a fetcher; the lane already counts it in flight. */
  start(job: J): void;
}

interface Lane<J> {
  pending: J[];
  inFlight: number;
  nextStart: number;
}

export class HostLanes<J extends HostJob> {
  private lanes = new Map<string, Lane<J>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private perHost: number,
    private delayMs: number,
    private gate: LaneGate<J>,
  ) {}

  add(job: J): void {
    let lane = this.lanes.get(job.host);
    if (!lane) {
      lane = { pending: [], inFlight: 0, nextStart: 0 };
      this.lanes.set(job.host, lane);
    }
    lane.pending.push(job);
  }

  /** A request to `host` has settled: the host has a place free. */
  settled(host: string): void {
    this.lanes.get(host)!.inFlight--;
  }

  /** Starts every job the lanes and the gate allow now. An arrow, made once, so it can be handed to then() as is. */
  readonly pump = (): void => {
    const now = Date.now();
    let wait = Infinity;
    for (const [host, lane] of this.lanes) {
      while (lane.pending.length > 0 && lane.inFlight < this.perHost && lane.nextStart <= now) {
        if (!this.gate.mayStart(lane.pending[0]!)) break;
        const job = lane.pending.shift()!;
        if (!this.gate.keep(job, now)) continue;
        lane.inFlight++;
        lane.nextStart = now + this.delayMs;
        this.gate.start(job);
      }
      // Only the politeness delay needs a timer: a lane held back by the gate moves when a request settles.
      if (lane.pending.length > 0 && lane.inFlight < this.perHost && lane.nextStart > now) wait = Math.min(wait, lane.nextStart - now);
      if (lane.pending.length === 0 && lane.inFlight === 0) this.lanes.delete(host);
    }
    if (wait !== Infinity && !this.timer) {
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.pump();
        },
        Math.max(wait, 1),
      );
    }
  };

  /** Stops the delay's timer: the crawl has ended. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
