import type { AstroIntegration } from 'astro';
import { getContainerRenderer } from '@astrojs/preact/container-renderer';

/** Only the islands are JSX: without it, @preact/preset-vite would run Babel over every .ts module in `npm run dev`. */
const ISLANDS = [/\.tsx$/];

/**
 * Preact for the islands. `npm run dev` uses @astrojs/preact as it is (Preact's dev tools and hot reload need its
 * Babel). `astro build` registers the same renderer (@astrojs/preact's server and client entrypoints) and compiles the
 * islands' JSX with Vite's own transform, as @preact/preset-vite does when it is given no Babel options — which
 * @astrojs/preact always gives: loading Babel alone cost ≈ 0.1 s of every build, and running it ≈ 0.3 s.
 */
export default function preactIslands(): AstroIntegration {
  return {
    name: '@astrojs/preact',
    hooks: {
      'astro:config:setup': async (options) => {
        if (options.command !== 'build') {
          const { default: preact } = await import('@astrojs/preact');
          return preact({ include: ISLANDS }).hooks['astro:config:setup']?.(options);
        }
        options.addRenderer(getContainerRenderer());
        options.updateConfig({
          vite: {
            plugins: [{
              // The renderer's options (@astrojs/preact/server.js imports them): its include filter tells Preact's
              // components from another JSX renderer's, and Preact is the only one here.
              name: 'sferum-preact-options',
              resolveId: (id) => (id === 'astro:preact:opts' ? '\0astro:preact:opts' : undefined),
              load: (id) => (id === '\0astro:preact:opts' ? 'export default {};' : undefined),
            }, {
              name: 'sferum-preact-jsx',
              config: () => ({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } }),
            }],
          },
        });
      },
    },
  };
}
