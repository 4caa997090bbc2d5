// The homepage's viewport, script-driven controls and search forms, read from the saved CMS homepages
// and from markup written for the cases the saved pages lack (POST, 验证码, script-submitted forms).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { homepageFeaturesOf, readHomepageFeatures } from '../../src/extract/homepage-features.js';

const manifest = JSON.parse(readFileSync(new URL('./pages/manifest.json', import.meta.url), 'utf8')) as {
  file: string;
  url: string;
  contentType: string | null;
}[];

function saved(file: string) {
  const m = manifest.find((p) => p.file === file)!;
  return readHomepageFeatures(readFileSync(new URL(`./pages/${file}`, import.meta.url)), { url: m.url, contentType: m.contentType });
}

describe('homepage features on saved CMS homepages', () => {
  it('TRS: the viewport, the cniil 无障碍 switch and a GET search form submitted through a check script', () => {
    const f = saved('trs-homepage.html');
    expect(f.viewport).toBe('width=device-width, initial-scale=1.0');
    expect(f.controls).toContainEqual({ text: '无障碍', hint: 'cniil_wza' });
    expect(f.forms).toContainEqual({
      action: 'https://so.xiangyuan.gov.cn/search',
      method: 'get',
      textField: 'q',
      hidden: [{ name: 'siteCode', value: '4301000001' }],
      captcha: false,
      scripted: true,
    });
  });

  it('Hanweb: no viewport, aria.start() behind 无障碍浏览, the jsearch form with its hidden fields', () => {
    const f = saved('hanweb-homepage.html');
    expect(f.viewport).toBeNull();
    expect(f.controls).toContainEqual({ text: '无障碍浏览', hint: 'aria.start()' });
    expect(f.forms[0]).toMatchObject({
      action: 'http://jyj.xiangyuan.gov.cn/jsearchfront/search.do',
      method: 'get',
      textField: 'q',
      hidden: [
        { name: 'websiteid', value: '430100000012000' },
        { name: 'tpl', value: '1' },
      ],
      scripted: false,
    });
  });
});

describe('homepage features in written markup', () => {
  const read = (body: string, head = '') =>
    homepageFeaturesOf(`<html><head>${head}</head><body>${body}</body></html>`, 'http://x.gov.cn/index.html');

  it('keeps links that lead somewhere out of the controls', () => {
    const f = read(
      '<a href="/wza/">无障碍</a><a href="#" onclick="elder()">长者模式</a><a>关怀版</a><button class="wza-btn">读屏</button>',
    );
    expect(f.controls).toEqual([
      { text: '长者模式', hint: 'elder()' },
      { text: '关怀版', hint: '' },
      { text: '读屏', hint: 'wza-btn' },
    ]);
  });

  it('reads a form without an action as submitting to the page, a POST, a 验证码 and a javascript: action', () => {
    const f = read(
      '<form><input name="kw"></form>' +
        '<form method="POST" action="/s"><input type="text" name="q"></form>' +
        '<form action="/s"><input name="q"><input name="yzm" placeholder="验证码"></form>' +
        '<form action="javascript:doSearch()"><input name="q"></form>',
    );
    expect(f.forms.map((x) => [x.action, x.method, x.textField, x.captcha, x.scripted])).toEqual([
      ['http://x.gov.cn/index.html', 'get', 'kw', false, false],
      ['http://x.gov.cn/s', 'post', 'q', false, false],
      ['http://x.gov.cn/s', 'get', 'q', true, false],
      [null, 'get', 'q', false, true],
    ]);
  });

  it('reads the viewport whatever the case of its name, and none when absent', () => {
    expect(read('', '<meta name="Viewport" content="width=device-width">').viewport).toBe('width=device-width');
    expect(read('', '<meta name="keywords" content="政府">').viewport).toBeNull();
  });
});
