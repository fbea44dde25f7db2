import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { hasPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { getOrganization } from '@/lib/server/access/organizations';
import { findRestatementBatches } from '@/lib/server/usage/restatements';
import { AlertWebhookCard } from './_components/alert-webhook-card';
import { OrganizationSettingsForm } from './_components/organization-settings-form';
import { RestatementLog } from './_components/restatement-log';

export const metadata: Metadata = { title: 'Organisation settings' };

export default async function OrganizationSettingsPage() {
  const ctx = await requirePageAuth('read');
  const [org, restatements] = await Promise.all([getOrganization(ctx), findRestatementBatches(ctx)]);
  if (!org) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
  const canManage = hasPermission(ctx.role, 'manageOrganization');
  return (
    <>
      <PageHeader
        title="Organisation settings"
        description={`Method choices and defaults for ${org.name}. Owners and admins can change them.`}
      />
      <Card>
        <CardHeader>
          <CardTitle>Methodology and reporting</CardTitle>
          <CardDescription>
            Changing the factor basis or the embodied lifetime recomputes every record and logs the old and
            new values as restatements; the Records page shows each record's history.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <OrganizationSettingsForm
            canManage={canManage}
            initial={{
              defaultBasis: org.defaultBasis,
              embodiedLifetimeYears: org.embodiedLifetimeYears,
              carbonPricePerTonneCo2e: org.carbonPricePerTonneCo2e,
              currency: org.currency,
              electricityPricePerKwh: org.electricityPricePerKwh,
              timeZone: org.timeZone,
            }}
          />
        </CardContent>
      </Card>
      <AlertWebhookCard ctx={ctx} />
      <RestatementLog batches={restatements} />
    </>
  );
}
