import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageAuth } from '@/lib/auth/context';
import { hasPermission } from '@/lib/auth/roles';
import { findApiTokens } from '@/lib/data/api-tokens';
import { CreateTokenForm } from './_components/create-token-form';
import { revokeApiTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export default async function TokensPage() {
  const ctx = await requirePageAuth('read');
  const canManage = hasPermission(ctx.role, 'manageTokens');
  const tokens = await findApiTokens(ctx);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let jobs and scripts push usage with `Authorization: Bearer <token>`. They act with your role in this organisation."
      />
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Create a token</CardTitle>
            <CardDescription>
              The token is shown once. Store it in your job&apos;s secret manager.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CreateTokenForm />
          </CardContent>
        </Card>
      ) : null}
      {tokens.length === 0 ? (
        <EmptyState title="No tokens yet">
          Create one above, or from the command line with `npm run footprint -- token create`.
        </EmptyState>
      ) : (
        <Card>
          <CardContent className="overflow-x-auto p-0">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">API tokens of {ctx.orgName}</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Token
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Owner
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Created (UTC)
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Scopes
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Expires (UTC)
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Last used
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-5 py-3 font-medium">
                      {t.name}
                    </th>
                    <td className="px-5 py-3 font-mono text-xs">{t.prefix}…</td>
                    <td className="px-5 py-3">{t.userEmail}</td>
                    <td className="px-5 py-3">{dateFormat.format(t.createdAt)}</td>
                    <td className="px-5 py-3 font-mono text-xs">{t.scopes.join(' ')}</td>
                    <td className="px-5 py-3">
                      {t.expiresAt ? dateFormat.format(t.expiresAt) : 'Never'}
                      {t.expiresAt && t.expiresAt <= now && !t.revokedAt ? (
                        <span className="block text-xs text-red-700">Expired</span>
                      ) : null}
                    </td>
                    <td className="px-5 py-3">{t.lastUsedAt ? dateFormat.format(t.lastUsedAt) : 'Never'}</td>
                    <td className="px-5 py-3">
                      {t.revokedAt ? (
                        <span className="text-slate-500">Revoked</span>
                      ) : canManage ? (
                        <form action={revokeApiTokenAction}>
                          <input type="hidden" name="tokenId" value={t.id} />
                          <Button type="submit" variant="danger" aria-label={`Revoke token ${t.name}`}>
                            Revoke
                          </Button>
                        </form>
                      ) : (
                        'Active'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      )}
    </>
  );
}
