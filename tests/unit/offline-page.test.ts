import { describe, expect, it } from 'vitest';
import { selfContainedPage } from '../../src/domain/offline-page.ts';

const files: Record<string, string> = {
  '_astro/site.css': 'body{color:red}',
  '_astro/deck.js': 'console.log("</script>")',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};
const html = `<head><link rel="stylesheet" href="/sub/_astro/site.css"><link rel="icon" href="/sub/favicon.svg" type="image/svg+xml"><link rel="sitemap" href="/sub/sitemap-index.xml"><script type="module" src="/sub/_astro/deck.js"></script></head><body><a href="/sub/docs/x/#p-1">пункт</a> <a href="#slide-2">2</a> <a href="https://other.example/">внешняя</a></body>`;

describe('the offline deck file', () => {
  const page = selfContainedPage(html, { read: (path) => files[path], base: '/sub/', siteUrl: 'https://school.example/sub/' });

  it('inlines stylesheets, scripts and the icon, so nothing is fetched', () => {
    expect(page).toContain('<style>body{color:red}</style>');
    expect(page).toContain('<script type="module">console.log("<\\/script>")</script>');
    expect(page).toMatch(/<link rel="icon" href="data:image\/svg\+xml,%3Csvg/);
    expect(page).not.toMatch(/src="\/|href="\/|sitemap/);
  });

  it('points links to the rest of the site at the public address, and keeps slide links local', () => {
    expect(page).toContain('href="https://school.example/sub/docs/x/#p-1"');
    expect(page).toContain('href="#slide-2"');
    expect(page).toContain('href="https://other.example/"');
  });
});
