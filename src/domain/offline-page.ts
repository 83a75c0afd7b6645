/**
 * Makes a built page self-contained for use from disk with no network: stylesheets, scripts and the icon
 * inlined, links to the rest of the site made absolute to the public site address.
 */

export interface OfflineAssets {
  /** Reads a built file by its site path without the base, e.g. `_astro/Base.css`. */
  read(path: string): string;
  /** The deploy base path, `/` or `/sub/`. */
  base: string;
  /** The public site address, for links out of the offline file. */
  siteUrl: string;
}

export function selfContainedPage(html: string, { read, base, siteUrl }: OfflineAssets): string {
  const local = (href: string) => (href.startsWith(base) ? href.slice(base.length) : undefined);
  const origin = new URL(siteUrl).origin;
  return html
    .replace(/<link rel="stylesheet" href="([^"]+)">/g, (tag, href: string) => {
      const path = local(href);
      return path ? `<style>${read(path)}</style>` : tag;
    })
    .replace(/<script type="module" src="([^"]+)"><\/script>/g, (tag, src: string) => {
      const path = local(src);
      return path ? `<script type="module">${read(path).replaceAll('</script', '<\\/script')}</script>` : tag;
    })
    .replace(/<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/, (tag, href: string) => {
      const path = local(href);
      return path ? `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(read(path))}" type="image/svg+xml">` : tag;
    })
    .replace(/<link rel="sitemap"[^>]*>/, '')
    .replace(/ href="(\/[^"]*)"/g, (_, href: string) => ` href="${origin}${href}"`);
}
