// What a homepage offers a visitor beyond the links it leads to: its viewport declaration (mobile
// adaptation), the controls that run a script rather than open an address (无障碍 and 长者模式 toolbars
// are switched on that way, so they never appear among the page's links), and its search forms. Pure.
import type { Element } from 'domhandler';
import type { HomepageFeaturesArtifact, ScriptControlArtifact, SearchFormArtifact } from '../model/artifacts.js';
import { decodeHtml } from './decode.js';
import { parsePage } from './document.js';
import { attr, descendants, textOf } from './dom.js';
import { anchorText, resolveHref } from './links.js';

export type HomepageFeatures = Omit<HomepageFeaturesArtifact, 'url'>;

/** Fields that carry a verification code: a form that asks for one cannot be submitted by a checker. */
const CAPTCHA = /captcha|checkcode|verifycode|validatecode|yzm|验证码/i;
const TEXT_TYPES = new Set(['text', 'search', '']);

export function readHomepageFeatures(bytes: Buffer, opts: { url: string; contentType: string | null }): HomepageFeatures {
  const { text } = decodeHtml(bytes, opts.contentType);
  return homepageFeaturesOf(text, opts.url);
}

export function homepageFeaturesOf(html: string, url: string): HomepageFeatures {
  const { doc, baseHref, metas } = parsePage(html);
  const base = resolveHref(baseHref, url) ?? url;
  const root = doc as unknown as Element;
  const viewport = metas.find((m) => m.name.toLowerCase() === 'viewport')?.content.trim() || null;
  return { viewport, controls: controls(root, base), forms: descendants(root, 'form').map((f) => form(f, base)) };
}

function controls(root: Element, base: string): ScriptControlArtifact[] {
  const out: ScriptControlArtifact[] = [];
  const seen = new Set<string>();
  for (const el of descendants(root)) {
    const isAnchor = el.name === 'a';
    const isButton = el.name === 'button' || (el.name === 'input' && /^(button|image)$/i.test(el.attribs.type ?? ''));
    const onclick = el.attribs.onclick ?? '';
    if (!isAnchor && !isButton && !onclick) continue;
    // An anchor that leads to an address is a link (LinkArtifact), not a control.
    if (isAnchor && resolveHref(el.attribs.href ?? null, base) !== null) continue;
    const text = (isAnchor ? anchorText(el) : textOf(el) || attr(el, 'value') || attr(el, 'alt') || attr(el, 'title') || '').trim();
    const hint = [el.attribs.id, el.attribs.class, onclick].filter(Boolean).join(' ').slice(0, 200);
    if (!text && !hint) continue;
    const key = `${text}\u0000${hint}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text: text.slice(0, 80), hint });
  }
  return out;
}

function form(el: Element, base: string): SearchFormArtifact {
  const rawAction = (el.attribs.action ?? '').trim();
  const scriptAction = /^javascript:/i.test(rawAction);
  // A form with no action submits to the page itself (HTML's rule).
  const action = scriptAction ? null : resolveHref(rawAction || base, base);
  const inputs = [...descendants(el, 'input'), ...descendants(el, 'select'), ...descendants(el, 'textarea')];
  let textField: string | null = null;
  const hidden: SearchFormArtifact['hidden'] = [];
  let captcha = false;
  for (const i of inputs) {
    const name = i.attribs.name ?? '';
    const type = (i.attribs.type ?? '').toLowerCase();
    if (CAPTCHA.test(`${name} ${i.attribs.id ?? ''} ${i.attribs.placeholder ?? ''}`)) captcha = true;
    if (!name) continue;
    if (i.name === 'input' && TEXT_TYPES.has(type) && textField === null) textField = name;
    else if (i.name === 'input' && type === 'hidden') hidden.push({ name, value: i.attribs.value ?? '' });
  }
  if (!captcha && descendants(el, 'img').some((img) => CAPTCHA.test(`${img.attribs.src ?? ''} ${img.attribs.alt ?? ''}`))) captcha = true;
  return {
    action,
    method: /^post$/i.test(el.attribs.method ?? '') ? 'post' : 'get',
    textField,
    hidden,
    captcha,
    scripted: scriptAction || !!el.attribs.onsubmit,
  };
}
