import { renderSVG } from 'uqr';

/** A QR code as inline SVG, rendered at build time (nothing is shipped to the browser), labelled for screen readers. */
export function qrSvg(url: string, label: string): string {
  const safeLabel = label.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return renderSVG(url, { border: 2 }).replace('<svg ', `<svg role="img" aria-label="${safeLabel}" class="qr" `);
}

/** The public address of a site page: what a phone camera opens from a printed QR code. */
export function publicUrl(site: URL | string, base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(`${root}${path.replace(/^\/+/, '')}`, site).href;
}
