// 功能设计 (standards.md, Checks from current practice): the homepage offers the 我为政府网站找错 entry
// (the national platform's badge, usually written by its jiucuo.js or an image linking to
// zfwzgl.www.gov.cn / pucha.kaipuyun.cn) and an entry to 无障碍 / 适老化 services (a 无障碍 or 长者模式
// switch, or an accessibility toolbar's script). Read from the homepage's links, its script sources and
// the controls that run a script (a toolbar switch leads to no address, so it is never among the links).
// Listed as checked, points unconfirmed [U]: kinds and points are the edition's.
import { z } from 'zod';
import type { LinkArtifact, ScriptControlArtifact } from '../model/artifacts.js';
import type { Finding } from '../model/finding.js';
import { defineRule } from './rule.js';
import { homepageNotJudgeable } from './utils/homepage-read.js';

const TEXT = {
  title: '找错和无障碍入口',
  'no-jiucuo': '首页未提供“我为政府网站找错”入口',
  'no-accessibility': '首页未提供无障碍或适老化服务入口',
};

const options = z.object({
  /** Words on a 找错 badge or link (its text or image alt). */
  jiucuoText: z.string().default('找错'),
  /** Addresses of the national 找错 platform, and of its script that writes the badge. */
  jiucuoTarget: z.string().default('(zfwzgl|zfwzzc)\\.www\\.gov\\.cn|pucha\\.kaipuyun\\.cn|/jiucuo(\\.js|\\.html|/)'),
  /** Words on an accessibility or elder-mode entry. */
  accessibilityText: z.string().default('无障碍|长者|适老|关怀版|老年版|大字版|读屏|助盲|爱心版'),
  /** Ids, classes and handlers of accessibility toolbars (cniil 无障碍, wza, aria.js). */
  accessibilityHint: z.string().default('wza|cniil|aria|barrier|accessib|elder|zzms|olderly|shilaohua'),
  /** Script addresses of accessibility toolbars. */
  accessibilityScript: z.string().default('(^|[/.?=_-])(aria|wza|cniil|assist|accessib|barrier)|无障碍'),
});

type Code = Exclude<keyof typeof TEXT, 'title'>;

interface Seen {
  links: LinkArtifact[];
  controls: ScriptControlArtifact[];
}

function hasJiucuo(s: Seen, o: z.infer<typeof options>): boolean {
  const text = new RegExp(o.jiucuoText);
  const target = new RegExp(o.jiucuoTarget, 'i');
  return (
    s.links.some((l) => target.test(l.target) || (l.tag !== 'script' && text.test(l.text ?? ''))) ||
    s.controls.some((c) => text.test(c.text))
  );
}

function hasAccessibility(s: Seen, o: z.infer<typeof options>): boolean {
  const text = new RegExp(o.accessibilityText);
  const hint = new RegExp(o.accessibilityHint, 'i');
  const script = new RegExp(o.accessibilityScript, 'i');
  return (
    s.links.some((l) => (l.tag === 'script' ? script.test(safePath(l.target)) : text.test(l.text ?? ''))) ||
    s.controls.some((c) => text.test(c.text) || hint.test(c.hint))
  );
}

/** A script's address without its host: a toolbar is named by its file, not by whose server it is on. */
function safePath(url: string): string {
  try {
    const u = new URL(url);
    const path = `${u.pathname}${u.search}`;
    try {
      return decodeURIComponent(path);
    } catch {
      return path;
    }
  } catch {
    return url;
  }
}

export const functionEntries = defineRule({
  meta: {
    id: 'function-entries',
    title: TEXT.title,
    indicator: '国办秘函〔2019〕19号 功能设计（“我为政府网站找错”入口）；工信部 2021 适老化及无障碍改造（类型与分值为版本选项 [U]）',
    codes: { 'no-jiucuo': TEXT['no-jiucuo'], 'no-accessibility': TEXT['no-accessibility'] },
    requiredArtifacts: ['homepage', 'links', 'homepageFeatures'],
    options,
  },
  run(a, opts) {
    const why = homepageNotJudgeable(a.site, a.homepage, '找错和无障碍入口');
    if (why) return { status: 'not-checked', reason: why };
    // Without the homepage's own markup a toolbar switch (a script link) cannot be seen: no finding on links alone.
    if (!a.homepageFeatures) return { status: 'not-checked', reason: '首页正文未保存，无法检查找错和无障碍入口' };
    const seen: Seen = { links: a.links.filter((l) => l.onHomepage), controls: a.homepageFeatures.controls };
    const url = a.homepage!.url;
    const out: Finding[] = [];
    const add = (code: Code, looked: string) =>
      out.push({
        rule: 'function-entries',
        code,
        siteId: a.site.id,
        url,
        message: TEXT[code],
        evidence: { page: url, lookedFor: looked, homepageLinks: seen.links.length, controls: seen.controls.length },
      });
    if (!hasJiucuo(seen, opts)) add('no-jiucuo', `链接或图片文字含“${opts.jiucuoText}”，或指向找错平台（${opts.jiucuoTarget}）`);
    if (!hasAccessibility(seen, opts))
      add('no-accessibility', `链接或按钮文字含“${opts.accessibilityText}”，或无障碍工具脚本（${opts.accessibilityScript}）`);
    return { status: 'checked', findings: out };
  },
});
