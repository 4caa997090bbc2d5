// The runner hands each rule only what it declared, and a missing artifact or a throwing rule stops
// that rule alone.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SiteArtifacts } from '../../src/model/artifacts.js';
import { defineRule } from '../../src/rules/rule.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx, site as artifacts } from '../helpers/artifacts.js';

const options = z.object({});
const meta = { title: '测试', indicator: 'test', codes: { seen: '看到' }, options };

// Reports which artifacts it was handed, by looking past its declared type.
const snoop = defineRule({
  meta: { ...meta, id: 'snoop', requiredArtifacts: ['links'] },
  run(a) {
    const seen = Object.keys(a).sort().join(',');
    return { status: 'checked', findings: [{ rule: 'snoop', code: 'seen', siteId: a.site.id, url: null, message: seen, evidence: {} }] };
  },
});

const thrower = defineRule({
  meta: { ...meta, id: 'thrower', requiredArtifacts: ['lists'] },
  run() {
    throw new Error('boom');
  },
});

describe('runRule', () => {
  it('hands a rule the site and only the artifacts it declared', () => {
    const r = runRule(snoop, artifacts({}), {}, ctx);
    expect(r).toMatchObject({ status: 'checked', findings: [{ message: 'links,site' }] });
  });

  it('a declared artifact that is missing makes that rule not-checked, naming it', () => {
    const { links: _drop, ...rest } = artifacts({});
    const r = runRule(snoop, rest as SiteArtifacts, {}, ctx);
    expect(r).toEqual({ status: 'not-checked', reason: '规则执行出错：缺少所需数据 links' });
  });

  it('a null artifact is a value, not a missing one', () => {
    const r = runRule(
      defineRule({ ...snoop, meta: { ...snoop.meta, requiredArtifacts: ['homepage'] } }),
      artifacts({ homepage: null }),
      {},
      ctx,
    );
    expect(r.status).toBe('checked');
  });

  it('a rule that throws is not-checked with the error, and does not stop the caller', () => {
    expect(runRule(thrower, artifacts({}), {}, ctx)).toEqual({ status: 'not-checked', reason: '规则执行出错：boom' });
  });
});
