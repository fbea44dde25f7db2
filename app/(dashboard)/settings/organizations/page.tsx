import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { roleLabel } from '@/lib/format/labels';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { CreateOrganizationForm } from './_components/create-organization-form';
import { switchOrganizationAction } from './actions';

export const metadata: Metadata = { title: 'Your organisations' };

export default async function OrganizationsPage() {
  const ctx = await requirePageAuth('read');
  return (
    <>
      <PageHeader
        title="Your organisations"
        description="Data, members and tokens are separate per organisation; you see one at a time."
      />
      <Card>
        <CardContent className="p-0">
          <ul className="divide-y divide-slate-100">
            {ctx.memberships.map((m) => (
              <li key={m.orgId} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                <span>
                  <span className="font-medium">{m.orgName}</span>{' '}
                  <span className="text-slate-500">· {roleLabel(m.role)}</span>
                </span>
                {m.orgId === ctx.orgId ? (
                  <span className="text-xs text-slate-500">Active</span>
                ) : (
                  <ActionForm action={switchOrganizationAction}>
                    <input type="hidden" name="orgSlug" value={m.orgSlug} />
                    <Button type="submit" variant="secondary" aria-label={`Switch to ${m.orgName}`}>
                      Switch
                    </Button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Create an organisation</CardTitle>
          <CardDescription>
            You become its owner; it starts empty and becomes your active organisation.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateOrganizationForm />
        </CardContent>
      </Card>
    </>
  );
}
