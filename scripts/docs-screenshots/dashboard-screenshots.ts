import path from 'node:path';
import { expect, test } from '@playwright/test';
import { THEME_COOKIE, type TTheme } from '../../lib/theme';

// Writes docs/images/dashboard/<page>-<theme>-<width>.png: a handful of pages, light and dark, at 1440 px and one
// phone width (390 px). Viewport-sized (not full page) to keep the committed PNGs small.
const OUT_DIR = path.join(process.cwd(), 'docs', 'images', 'dashboard');
const SHOTS: { name: string; url: string; heading: string; widths: (1440 | 390)[] }[] = [
  { name: 'overview', url: '/', heading: 'Overview', widths: [1440, 390] },
  { name: 'records', url: '/records', heading: 'Records', widths: [1440, 390] },
  { name: 'targets', url: '/targets', heading: 'Targets and budgets', widths: [1440] },
  { name: 'reports', url: '/reports', heading: 'Reports', widths: [1440] },
];
const THEMES: TTheme[] = ['light', 'dark'];

for (const theme of THEMES) {
  test(`docs screenshots, ${theme}`, async ({ browser }) => {
    test.setTimeout(180_000);
    for (const width of [1440, 390] as const) {
      const context = await browser.newContext({
        viewport: { width, height: width === 390 ? 844 : 900 },
        reducedMotion: 'reduce',
      });
      const { baseURL } = test.info().project.use;
      await context.addCookies([{ name: THEME_COOKIE, value: theme, url: baseURL ?? 'http://127.0.0.1' }]);
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill('demo@aifootprint.local');
      await page.getByLabel('Password').fill('footprint-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
      for (const shot of SHOTS.filter((s) => s.widths.includes(width))) {
        await page.goto(shot.url);
        await expect(page.getByRole('heading', { level: 1, name: shot.heading })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(OUT_DIR, `${shot.name}-${theme}-${width}.png`) });
      }
      await context.close();
    }
  });
}
