/**
 * The Content-Security-Policy each built page carries in a <meta>: everything from the site's own origin, inline
 * scripts and styles only by the hash of what is actually inline in the page. Computed from the final HTML (the
 * middleware's last step, and the offline deck's writer), so it holds whatever the build inlined (stylesheets, small
 * scripts, island bootstraps).
 */
import { createHash } from 'node:crypto';

/** Inline <script> and <style> bodies, exactly as the browser hashes them. External scripts (src=) have no body. */
const INLINE = /<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>/gi;

export function inlineBodies(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [, tag, attributes, body] of html.matchAll(INLINE)) {
    if (tag.toLowerCase() === 'style') styles.push(body);
    else if (!/\ssrc\s*=/i.test(attributes)) scripts.push(body);
  }
  return { scripts, styles };
}

const hash = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const hashes = (bodies: string[]) => [...new Set(bodies.map(hash))].join(' ');

/** The policy for one page. data: images only where the page itself uses them (the offline deck's icon). */
export function pagePolicy(html: string): string {
  const { scripts, styles } = inlineBodies(html);
  const dataImages = /\s(?:src|href)="data:image\//.test(html);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes(scripts)}`.trimEnd(),
    `style-src 'self' ${hashes(styles)}`.trimEnd(),
    ...(dataImages ? ["img-src 'self' data:"] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** A policy <meta> this module wrote. */
const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/**
 * The page with its policy as the first element of <head>, before anything it governs; a policy it already carries
 * (a page made from another page, as the offline deck) is replaced by its own.
 */
export function withPolicy(page: string): string {
  const html = page.replace(POLICY_META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(html)}">`;
  const head = /<head\b[^>]*>(\s*<meta charset="[^"]*"\s*\/?>)?/i.exec(html);
  if (!head) throw new Error('нет элемента <head>: некуда поставить Content-Security-Policy');
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}
