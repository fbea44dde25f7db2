import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';

test('[tokens] a token created in the UI authenticates the API once, and stops working when revoked', async ({
  page,
  request,
}) => {
  await signIn(page);

  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Name').fill('e2e-training-cluster');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^aif_[A-Za-z0-9_-]{43}$/);

  const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ organization: { slug: 'demo' }, role: 'owner', via: 'token' });

  const forged = await request.get('/api/v1/me', {
    headers: { Authorization: 'Bearer aif_not-a-real-token' },
  });
  expect(forged.status()).toBe(401);
  expect((await forged.json()).error.code).toBe('UNAUTHENTICATED');

  await page.reload();
  await page.getByRole('button', { name: 'Revoke token e2e-training-cluster' }).click();
  await expect(page.getByRole('row', { name: /e2e-training-cluster/ })).toContainText('Revoked');
  const revoked = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
});
