import encodeQR from 'qr';

/** A module's side in the SVG's units; two light modules of quiet zone around the code, as readers need. */
const MODULE = 10;
const QUIET_ZONE = 2;

/**
 * A QR code as inline SVG, rendered at build time (nothing is shipped to the browser), labelled for screen readers:
 * a white square and one path, each row's run of dark modules one rectangle.
 */
export function qrSvg(url: string, label: string): string {
  const rows = encodeQR(url, 'raw', { ecc: 'low', border: QUIET_ZONE });
  const side = rows.length * MODULE;
  const runs: string[] = [];
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      const width = (x - start + 1) * MODULE;
      runs.push(`M${start * MODULE},${y * MODULE}h${width}v${MODULE}h-${width}z`);
    }
  });
  const safeLabel = label.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return `<svg role="img" aria-label="${safeLabel}" class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}">` +
    `<rect fill="white" width="${side}" height="${side}"/><path fill="black" d="${runs.join('')}"/></svg>`;
}

/** The public address of a site page: what a phone camera opens from a printed QR code. */
export function publicUrl(site: URL | string, base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(`${root}${path.replace(/^\/+/, '')}`, site).href;
}
