import { siteUnreachable } from '../../src/rules/site-unreachable.js';
import { probes, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

ruleTable(siteUnreachable, {
  valid: [
    { name: 'all 140 probes up', artifacts: site({ probes: probes(140, 0) }) },
    { name: '6 of 140 failed (4.3%) is below 5%', artifacts: site({ probes: probes(140, 6) }) },
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
  ],
  notChecked: [
    { name: 'too few probes to measure a week', artifacts: site({ probes: probes(20, 20, 1) }) },
    {
      name: 'probes older than the window are not counted',
      artifacts: site({
        probes: probes(140, 0, 7).map((p) => ({ ...p, startedAt: new Date(Date.parse(p.startedAt) - 30 * 86_400_000).toISOString() })),
      }),
    },
  ],
});
