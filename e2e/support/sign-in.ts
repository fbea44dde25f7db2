import { expect, type Page } from '@playwright/test';

/** Every demo user (one per role) shares this password; see README "Demo sign-in". */
export const DEMO_PASSWORD = 'footprint-demo';
export const DEMO_USERS = {
  owner: 'demo@aifootprint.local',
  admin: 'admin@aifootprint.local',
  editor: 'editor@aifootprint.local',
  viewer: 'viewer@aifootprint.local',
  auditor: 'auditor@aifootprint.local',
} as const;

/** Signs in through the sign-in form and waits for the overview. */
export async function signIn(page: Page, role: keyof typeof DEMO_USERS = 'owner'): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_USERS[role]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}
