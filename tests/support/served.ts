/** A browser and a build served over HTTP for the tests of one file: started before them, closed after. */
import { beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serve, type StaticSite } from './static-server.ts';
import { DIST } from './project.ts';

export function servedInBrowser(dist = DIST, base = '/'): { browser: Browser; site: StaticSite } {
  const state = {} as { browser: Browser; site: StaticSite };
  beforeAll(async () => {
    state.browser = await launchBrowser();
    state.site = await serve(dist, base);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return state;
}
