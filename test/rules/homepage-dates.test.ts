import { homepageDates } from '../../src/rules/homepage-dates.js';
import type { ProbeArtifact } from '../../src/model/artifacts.js';
import { AT, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

/** A probe `hoursAgo` before AT that read items hashed `hash` showing `dates` (newest first). */
const read = (hoursAgo: number, hash: string, dates: string[]): ProbeArtifact => ({
  startedAt: new Date(Date.parse(AT) - hoursAgo * 3_600_000).toISOString(),
  ok: true,
  status: 200,
  ms: 100,
  failure: null,
  error: null,
  itemsHash: hash,
  itemDates: dates,
});

ruleTable(homepageDates, {
  valid: [
    {
      name: 'new items with new dates: a real update',
      artifacts: site({ probes: [read(48, 'a', ['2026-11-28']), read(24, 'b', ['2026-11-30', '2026-11-28'])] }),
    },
    {
      name: 'the same items and the same dates',
      artifacts: site({ probes: [read(48, 'a', ['2026-11-28']), read(24, 'a', ['2026-11-28'])] }),
    },
    {
      name: 'new items, old dates (a late upload)',
      artifacts: site({ probes: [read(48, 'a', ['2026-11-28']), read(24, 'b', ['2026-11-28'])] }),
    },
    {
      name: 'probes in the wrong order in the input are sorted first',
      artifacts: site({ probes: [read(24, 'b', ['2026-11-30']), read(48, 'a', ['2026-11-28'])] }),
    },
  ],
  invalid: [
    {
      name: 'the same items now show a newer date',
      artifacts: site({ probes: [read(72, 'a', ['2026-11-27']), read(48, 'a', ['2026-11-28']), read(24, 'a', ['2026-11-30'])] }),
      codes: ['dates-moved-items-same'],
    },
  ],
  notChecked: [
    { name: 'one probe read the list', artifacts: site({ probes: [read(24, 'a', ['2026-11-30'])] }) },
    {
      name: 'probes that read no list do not count',
      artifacts: site({ probes: [read(48, 'a', ['2026-11-28']), { ...read(24, 'a', []), itemsHash: null, itemDates: null }] }),
    },
    {
      name: 'probes older than the window',
      artifacts: site({ probes: [read(24 * 30, 'a', ['2026-10-28']), read(24 * 29, 'a', ['2026-10-30'])] }),
    },
  ],
});
