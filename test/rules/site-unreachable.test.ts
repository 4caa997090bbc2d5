import { siteUnreachable } from '../../src/rules/site-unreachable.js';
import { probes, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import type { ProbeArtifact, ProbeFailure } from '../../src/model/artifacts.js';

/** The same probes taken from two vantages: `a` as given, `b` failing `bFails` of them at the same minutes. */
const twoVantages = (list: ProbeArtifact[], bFails: (p: ProbeArtifact, i: number) => boolean): ProbeArtifact[] => [
  ...list.map((p) => ({ ...p, vantage: 'a' })),
  ...list.map((p, i) =>
    bFails(p, i) ? { ...p, vantage: 'b', ok: false, status: null, failure: 'timeout' as const, error: 'timeout' } : { ...p, vantage: 'b' },
  ),
];

/** The first `n` failed probes, failing as `kind` instead: the checker's network or a firewall. */
const as = (list: ProbeArtifact[], n: number, kind: ProbeFailure): ProbeArtifact[] =>
  list.map((p, i) => (i < n && !p.ok ? { ...p, failure: kind, error: kind } : p));

ruleTable(siteUnreachable, {
  valid: [
    { name: 'all 140 probes up', artifacts: site({ probes: probes(140, 0) }) },
    { name: '6 of 140 failed (4.3%) is below 5%', artifacts: site({ probes: probes(140, 6) }) },
    {
      name: "30 failures lost to the checker's own network are not the site's",
      artifacts: site({ probes: as(probes(170, 30), 30, 'vantage') }),
    },
    {
      name: 'failures seen from one vantage while another loaded the homepage are that vantage’s',
      artifacts: site({ probes: twoVantages(probes(140, 0), (_p, i) => i < 40) }),
    },
    { name: 'a firewall answering 20 probes is not the site down', artifacts: site({ probes: as(probes(160, 20), 20, 'blocked') }) },
  ],
  invalid: [
    { name: '7 of 140 failed is exactly 5%: inclusive', artifacts: site({ probes: probes(140, 7) }), codes: ['unreachable'] },
    { name: 'all failed', artifacts: site({ probes: probes(160, 160) }), codes: ['unreachable'] },
    {
      name: 'a smaller minimum from a test edition',
      artifacts: site({ probes: probes(3, 3, 0.01) }),
      options: { minProbes: 3 },
      codes: ['unreachable'],
    },
    {
      name: 'near miss: both vantages failing at the same minutes is the site down',
      artifacts: site({ probes: twoVantages(probes(140, 20), (p) => !p.ok) }),
      codes: ['unreachable'],
    },
    {
      name: "near miss: real failures still count beside the checker's lost ones (8 of 150 valid)",
      artifacts: site({ probes: as(probes(160, 18), 10, 'vantage') }),
      codes: ['unreachable'],
    },
  ],
  notChecked: [
    {
      name: 'a firewall blocks most probes: too few valid ones, never unreachable',
      artifacts: site({ probes: as(probes(160, 100), 100, 'blocked') }),
    },
    { name: "the checker's network lost most of the week", artifacts: site({ probes: as(probes(160, 60), 60, 'vantage') }) },
    { name: 'too few probes to measure a week', artifacts: site({ probes: probes(20, 20, 1) }) },
    {
      name: 'probes older than the window are not counted',
      artifacts: site({
        probes: probes(140, 0, 7).map((p) => ({ ...p, startedAt: new Date(Date.parse(p.startedAt) - 30 * 86_400_000).toISOString() })),
      }),
    },
  ],
});
