// Many hosts at once, few requests per host: probes, link checks and screenshots all share this shape.
import PQueue from 'p-queue';

export async function runPerHost<T>(
  items: T[],
  hostOf: (item: T) => string,
  limits: { concurrency: number; perHost: number },
  work: (item: T) => Promise<void>,
): Promise<void> {
  const all = new PQueue({ concurrency: limits.concurrency });
  const lanes = new Map<string, PQueue>();
  await Promise.all(
    items.map((item) => {
      const host = hostOf(item);
      let lane = lanes.get(host);
      if (!lane) {
        lane = new PQueue({ concurrency: limits.perHost });
        lanes.set(host, lane);
      }
      return lane.add(() => all.add(() => work(item)));
    }),
  );
}
