import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { StateActionForm } from '@/components/ui/state-action-form';
import { hasPermission } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format/date-time';
import { findApiTokens } from '@/lib/server/access/api-tokens';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { CreateTokenForm } from './_components/create-token-form';
import { revokeApiTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

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
            <DataTable
              caption={`API tokens of ${ctx.orgName}`}
              density="comfortable"
              columns={[
                'Name',
                { label: 'Token', className: 'font-mono text-xs' },
                'Owner',
                'Created (UTC)',
                { label: 'Scopes', className: 'font-mono text-xs' },
                'Expires (UTC)',
                'Last used',
                'Status',
              ]}
              rows={tokens.map((t) => ({
                key: t.id,
                cells: [
                  t.name,
                  `${t.prefix}…`,
                  t.userEmail,
                  formatDateTime(t.createdAt),
                  t.scopes.join(' '),
                  <>
                    {t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}
                    {t.expiresAt && t.expiresAt <= now && !t.revokedAt ? (
                      <span className="block text-xs text-red-700">Expired</span>
                    ) : null}
                  </>,
                  t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never',
                  t.revokedAt ? (
                    <span key="status" className="text-slate-500">
                      Revoked
                    </span>
                  ) : canManage ? (
                    <StateActionForm
                      key="status"
                      action={revokeApiTokenAction}
                      fields={{ tokenId: t.id }}
                      label="Revoke"
                      ariaLabel={`Revoke token ${t.name}`}
                    />
                  ) : (
                    'Active'
                  ),
                ],
              }))}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
