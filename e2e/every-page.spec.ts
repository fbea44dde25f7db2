import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { THEME_COOKIE, type TTheme } from '../lib/theme';
import { findHorizontalOverflow } from './support/horizontal-overflow';
import { DEMO_PASSWORD, DEMO_USERS } from './support/sign-in';

// Every page of the app in both themes at a desktop (1440 px) and a phone (390 px) width: no horizontal scroll of
// the page itself, no serious or critical axe violation, and a full-page screenshot kept in test-results/. One
// browser context per theme × width; the pages only read (the upload review parses a file without storing it).

type TVisit = {
  /** Route pattern as under app/ (route groups removed), checked against the page files below. */
  route: string;
  name: string;
  signedIn: boolean;
  /** Where to go; a function when the URL depends on the data (the record page). */
  open: (page: Page) => Promise<void>;
};

const goto = (url: string) => async (page: Page) => {
  await page.goto(url);
};

const VISITS: TVisit[] = [
  { route: '/sign-in', name: 'sign-in', signedIn: false, open: goto('/sign-in') },
  {
    route: '/invite/[token]',
    name: 'invite',
    signedIn: false,
    open: goto('/invite/not-a-real-invitation-token-000000000000'),
  },
  { route: '/', name: 'overview', signedIn: true, open: goto('/') },
  { route: '/models', name: 'models', signedIn: true, open: goto('/models') },
  { route: '/records', name: 'records', signedIn: true, open: goto('/records') },
  {
    route: '/records/[id]',
    name: 'record-detail',
    signedIn: true,
    open: async (page) => {
      await page.goto('/records');
      const first = page.getByTestId('records-table').locator('tbody a[href^="/records/"]').first();
      const href = await first.getAttribute('href');
      expect(href, 'a record link on /records').toBeTruthy();
      await page.goto(href ?? '/records');
    },
  },
  { route: '/uploads', name: 'uploads', signedIn: true, open: goto('/uploads') },
  {
    route: '/uploads',
    name: 'upload-review',
    signedIn: true,
    open: async (page) => {
      await page.goto('/uploads');
      // A file with an unknown accelerator: the review table and its mapping control show; nothing is stored.
      const csv =
        'record_id,phase,started_at,ended_at,model,provider,region,accelerator,accelerator_count,utilization,pue\n' +
        'a11y-1,training,2025-06-01T00:00:00Z,2025-06-01T10:00:00Z,a11y-model,on_prem,FR,Lab Card X,1,1,1\n';
      await page
        .locator('#upload-file')
        .setInputFiles({ name: 'review.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect(page.getByTestId('names-review')).toBeVisible();
    },
  },
  {
    route: '/uploads',
    name: 'upload-review-ai-model',
    signedIn: true,
    open: async (page) => {
      await page.goto('/uploads');
      // An OpenAI export naming a model the repository does not know: the model row and its two mapping choices.
      const csv =
        'start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens\n' +
        '1767225600,1767312000,a11y,10,a11y-unknown-model,1000,500\n';
      await page
        .locator('#upload-file')
        .setInputFiles({ name: 'models.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect(page.getByTestId('names-review').getByTestId('name-unresolved')).toHaveCount(1);
    },
  },
  { route: '/reports', name: 'reports', signedIn: true, open: goto('/reports') },
  { route: '/targets', name: 'targets', signedIn: true, open: goto('/targets') },
  { route: '/recommendations', name: 'recommendations', signedIn: true, open: goto('/recommendations') },
  { route: '/factors', name: 'factors', signedIn: true, open: goto('/factors') },
  { route: '/factors/sources', name: 'factor-sources', signedIn: true, open: goto('/factors/sources') },
  {
    route: '/factors/sources/ecologits-licence',
    name: 'ecologits-licence',
    signedIn: true,
    open: goto('/factors/sources/ecologits-licence'),
  },
  { route: '/settings/hardware', name: 'hardware', signedIn: true, open: goto('/settings/hardware') },
  {
    route: '/settings/organization',
    name: 'organisation',
    signedIn: true,
    open: goto('/settings/organization'),
  },
  {
    route: '/settings/organizations',
    name: 'organisations',
    signedIn: true,
    open: goto('/settings/organizations'),
  },
  { route: '/settings/members', name: 'members', signedIn: true, open: goto('/settings/members') },
  { route: '/settings/tokens', name: 'tokens', signedIn: true, open: goto('/settings/tokens') },
  { route: '/api-docs', name: 'api-docs', signedIn: true, open: goto('/api-docs') },
  { route: '/audit', name: 'audit', signedIn: true, open: goto('/audit') },
  { route: '/energy-contracts', name: 'energy-contracts', signedIn: true, open: goto('/energy-contracts') },
];

/**
 * Pages that are not for people's browsers: /report-print answers only the PDF exporter's signed print token (404
 * otherwise) and is checked through the exported PDF (e2e/report-pdf.spec.ts).
 */
const NOT_BROWSED = new Set(['/report-print']);

/** Route patterns of every page.tsx under app/, with route groups like (dashboard) dropped. */
function appPageRoutes(dir = path.join(process.cwd(), 'app'), prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'page.tsx') {
      routes.push(prefix === '' ? '/' : prefix);
    }
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name === 'api') {
      continue;
    }
    const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
    routes.push(...appPageRoutes(path.join(dir, entry.name), `${prefix}${segment}`));
  }
  return routes;
}

test('[every page] the list below covers every page under app/', () => {
  const visited = new Set(VISITS.map((v) => v.route));
  expect(appPageRoutes().filter((r) => !visited.has(r) && !NOT_BROWSED.has(r))).toEqual([]);
});

const WIDTHS = [
  { label: '1440', viewport: { width: 1440, height: 900 } },
  { label: '390', viewport: { width: 390, height: 844 } },
] as const;
const THEMES: TTheme[] = ['light', 'dark'];

async function newContext(browser: Browser, theme: TTheme, viewport: { width: number; height: number }) {
  const context = await browser.newContext({
    viewport,
    // The OS preference is set to the opposite theme: the stored choice must win.
    colorScheme: theme === 'dark' ? 'light' : 'dark',
    reducedMotion: 'reduce',
  });
  const { baseURL } = test.info().project.use;
  await context.addCookies([{ name: THEME_COOKIE, value: theme, url: baseURL ?? 'http://127.0.0.1' }]);
  return context;
}

async function signInThroughApi(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_USERS.owner);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await page.close();
}

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`[every page] ${theme} at ${width.label} px: no sideways scroll, no serious axe violation`, async ({
      browser,
    }, testInfo) => {
      test.setTimeout(300_000);
      const signedOut = await newContext(browser, theme, width.viewport);
      const signedIn = await newContext(browser, theme, width.viewport);
      await signInThroughApi(signedIn);
      const problems: string[] = [];
      for (const visit of VISITS) {
        await test.step(visit.name, async () => {
          const page = await (visit.signedIn ? signedIn : signedOut).newPage();
          await visit.open(page);
          await page.waitForLoadState('networkidle');
          await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
          await page.screenshot({
            path: testInfo.outputPath(`${visit.name}-${theme}-${width.label}.png`),
            fullPage: true,
          });
          const overflow = await page.evaluate(findHorizontalOverflow);
          if (overflow) {
            problems.push(`${visit.name}: page scrolls sideways (${overflow})`);
          }
          // Only violations are serialised back (passes and incomplete results are most of axe's output and time).
          const axe = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
          for (const v of axe.violations) {
            if (v.impact !== 'serious' && v.impact !== 'critical') {
              continue;
            }
            const targets = v.nodes
              .slice(0, 4)
              .map((n) => n.target.join(' '))
              .join(' | ');
            problems.push(`${visit.name}: ${v.impact} ${v.id} ×${v.nodes.length} (${targets})`);
          }
          await page.close();
        });
      }
      await signedIn.close();
      await signedOut.close();
      await testInfo.attach('problems', { body: problems.join('\n') || 'none', contentType: 'text/plain' });
      expect(problems).toEqual([]);
    });
  }
}

/** The page background as the browser paints it, with scripts off: what the first paint shows. */
async function firstPaintBackground(
  browser: Browser,
  colorScheme: 'light' | 'dark',
  cookie: TTheme | null,
): Promise<string> {
  const context = await browser.newContext({ colorScheme, javaScriptEnabled: false });
  if (cookie) {
    const { baseURL } = test.info().project.use;
    await context.addCookies([{ name: THEME_COOKIE, value: cookie, url: baseURL ?? 'http://127.0.0.1' }]);
  }
  const page = await context.newPage();
  await page.goto('/sign-in');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await context.close();
  return background;
}

test('[theme] with no stored choice the first paint follows the system setting; a stored choice wins', async ({
  browser,
}) => {
  const light = await firstPaintBackground(browser, 'light', 'light');
  const dark = await firstPaintBackground(browser, 'light', 'dark');
  expect(dark).not.toBe(light);
  // Nothing stored: the operating system decides, before any script runs.
  expect(await firstPaintBackground(browser, 'dark', null)).toBe(dark);
  expect(await firstPaintBackground(browser, 'light', null)).toBe(light);
  // A stored choice wins over the system setting either way.
  expect(await firstPaintBackground(browser, 'dark', 'light')).toBe(light);

  // Signed in on a dark system with nothing stored: the switch offers light, and choosing it sticks.
  const context = await browser.newContext({ colorScheme: 'dark' });
  await signInThroughApi(context);
  const page = await context.newPage();
  await page.goto('/settings/tokens');
  const toggle = page.getByRole('button', { name: 'Switch to light theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveClass('light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(light);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === THEME_COOKIE)?.value).toBe('light');
  await context.close();
});
