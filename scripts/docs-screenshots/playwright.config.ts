import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// `npm run docs:screenshots`: the screenshots in docs/DASHBOARD.md, taken from the production build (`next build`
// first) with the demo data, through the same web server as the e2e suite. Not part of `npm test`.
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'dashboard-screenshots.ts',
  outputDir: '../../test-results/docs-screenshots',
  retries: 0,
  // The web server command is relative to the repository root (npm runs scripts there), not to this folder.
  webServer: { ...(base.webServer as object), cwd: process.cwd() } as typeof base.webServer,
});
