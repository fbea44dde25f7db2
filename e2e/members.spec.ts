import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, signIn } from './support/sign-in';

const NEW_MEMBER = 'new.member@aifootprint.local';
const NEW_PASSWORD = 'a-good-long-password';

test('[members] invite → accept in a second browser → sign in as the new member; a role change applies to their sessions', async ({
  page,
  browser,
}) => {
  await signIn(page, 'owner');
  await page.getByRole('link', { name: 'Members' }).first().click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await page.getByLabel('Email').fill(NEW_MEMBER);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = (await page.getByTestId('invitation-link').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/invite\/inv_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('rowheader', { name: NEW_MEMBER })).toBeVisible();

  // The invitee has no account: a fresh browser context, no cookies.
  const invitee = await browser.newContext();
  const guest = await invitee.newPage();
  await guest.goto(link);
  await expect(guest.getByText('You are invited to Northwind AI as editor')).toBeVisible();
  await guest.getByLabel('Your name').fill('New Member');
  await guest.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await guest.getByLabel('Repeat the password').fill(NEW_PASSWORD);
  await guest.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(guest.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(guest.getByText('Role: editor')).toBeVisible();

  // The link is single-use.
  const second = await browser.newContext();
  const again = await second.newPage();
  await again.goto(link);
  await expect(again.getByText('This invitation has already been used')).toBeVisible();
  // …and the new member signs in with the password they chose.
  await again.goto('/sign-in');
  await again.getByLabel('Email').fill(NEW_MEMBER);
  await again.getByLabel('Password').fill(NEW_PASSWORD);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again.getByRole('heading', { name: 'Overview' })).toBeVisible();

  // The owner makes them a viewer: both of their sessions stay and get the new role on their next request.
  await page.reload();
  await page.getByLabel(`Role of ${NEW_MEMBER}`, { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: `Save role of ${NEW_MEMBER}` }).click();
  await expect(page.getByText('Role saved; it applies from the member’s next request.')).toBeVisible();
  for (const session of [guest, again]) {
    await session.goto('/');
    await expect(session.getByText('Role: viewer')).toBeVisible();
  }

  // The last owner cannot demote themselves.
  await page.getByLabel(`Role of ${DEMO_USERS.owner}`, { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: `Save role of ${DEMO_USERS.owner}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The last owner cannot be demoted' })).toBeVisible();
  await invitee.close();
  await second.close();
});

test('[members] admins see no owner controls; viewers see the list without controls', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/settings/members');
  await expect(page.getByText('Only owners manage owners')).toBeVisible();
  await expect(page.getByLabel('Role', { exact: true }).locator('option[value="owner"]')).toHaveCount(0);
  await page.context().clearCookies();
  await signIn(page, 'viewer');
  await page.goto('/settings/members');
  await expect(page.getByRole('rowheader', { name: /demo@aifootprint.local/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create invitation link' })).toHaveCount(0);
});

test('[organisations] create an organisation, invite an existing user, switch between the two', async ({
  page,
  browser,
}) => {
  await signIn(page, 'auditor');
  await page.getByRole('link', { name: 'Organisations…' }).click();
  await page.getByLabel('Organisation name').fill('Auditor Sandbox');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation settings' })).toBeVisible();
  await expect(page.getByText('Role: owner')).toBeVisible();
  await page.goto('/records');
  await expect(page.getByText(/No records|No usage/i).first()).toBeVisible();

  // An existing user (admin of Northwind) joins the sandbox with their own password.
  await page.goto('/settings/members');
  await page.getByLabel('Email').fill(DEMO_USERS.admin);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = (await page.getByTestId('invitation-link').textContent())?.trim() ?? '';
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(link);
  await expect(admin.getByText('You are invited to Auditor Sandbox as editor')).toBeVisible();
  // The same form as for a new person: the page does not tell whether the account exists.
  await admin.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await admin.getByLabel('Repeat the password').fill(DEMO_PASSWORD);
  await admin.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(admin.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(admin.getByText('Role: editor')).toBeVisible();
  await expect(admin.getByLabel('Active organisation').locator('option')).toHaveCount(2);
  await adminContext.close();

  const switcher = page.getByLabel('Active organisation');
  await switcher.selectOption({ label: 'Northwind AI (Auditor)' });
  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(page.getByText('Role: auditor')).toBeVisible();
  await expect(page.getByLabel('Active organisation')).toHaveValue('demo');
});
