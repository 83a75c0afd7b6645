/**
 * The Content-Security-Policy a built page carries: the page's own inline scripts and styles run (by their hashes),
 * anything else inline or from another origin is refused. tests/site/csp.test.ts checks the built pages in a browser.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inlineBodies, pagePolicy, withPolicy } from '../../src/domain/csp.ts';

const sha = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

const PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Чек-лист</title>
<style>body{margin:0}</style>
<script type="module">import "./x.js";</script>
<script type="module" src="/_astro/island.js"></script>
<SCRIPT data-note='a > b'>console.log("ok")</SCRIPT >
<style media="print">a{color:black}</style>
<style>body{margin:0}</style>
</head><body><p>Текст</p></body></html>`;

describe('content security policy of a page', () => {
  it('finds the inline scripts and styles exactly as the browser hashes them, not the external scripts', () => {
    expect(inlineBodies(PAGE)).toEqual({
      scripts: ['import "./x.js";', 'console.log("ok")'],
      styles: ['body{margin:0}', 'a{color:black}', 'body{margin:0}'],
    });
    expect(inlineBodies('<p>без скриптов</p>')).toEqual({ scripts: [], styles: [] });
  });

  it('allows the page\'s own inline code by hash, each once, and nothing from another origin', () => {
    const policy = directives(pagePolicy(PAGE));
    expect([...policy.keys()]).toEqual(['default-src', 'script-src', 'style-src', 'object-src', 'base-uri', 'form-action']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", sha('import "./x.js";'), sha('console.log("ok")')]);
    expect(policy.get('style-src')).toEqual(["'self'", sha('body{margin:0}'), sha('a{color:black}')]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  it('allows no inline code on a page without any, and data: images only on a page that has one', () => {
    const plain = '<html><head><title>Документ</title></head><body><img src="/logo.png"></body></html>';
    expect(pagePolicy(plain)).toBe("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'");
    expect(pagePolicy(plain.replace('/logo.png', 'data:image/png;base64,AAAA'))).toContain("; img-src 'self' data:;");
    expect(pagePolicy('<link rel="icon" href="data:image/svg+xml,%3Csvg%3E">')).toContain("img-src 'self' data:");
    expect(pagePolicy('<p>data:image/png в тексте</p>')).not.toContain('img-src');
  });

  it('puts the policy first in <head>, right after the charset, and leaves the rest of the page as it was', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(PAGE)}">`;
    expect(withPolicy(PAGE)).toBe(PAGE.replace('<meta charset="utf-8">', `<meta charset="utf-8">${meta}`));
    const noCharset = '<html><HEAD lang="ru"><title>x</title></HEAD></html>';
    expect(withPolicy(noCharset)).toBe(`<html><HEAD lang="ru"><meta http-equiv="Content-Security-Policy" content="${pagePolicy(noCharset)}"><title>x</title></HEAD></html>`);
    expect(withPolicy('<head>\n  <meta charset="utf-8" />\n<title>x</title></head>')).toMatch(/^<head>\n {2}<meta charset="utf-8" \/><meta http-equiv="Content-Security-Policy" content="[^"]+">\n<title>/);
  });

  it('stops on a page without <head>, saying why', () => {
    expect(() => withPolicy('<p>фрагмент</p>')).toThrow('нет элемента <head>: некуда поставить Content-Security-Policy');
    expect(() => withPolicy('<header>шапка</header>')).toThrow(/нет элемента <head>/);
  });
});
