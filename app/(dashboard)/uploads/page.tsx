import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { hasPermission } from '@/lib/auth/roles';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { getOrganization } from '@/lib/server/access/organizations';
import { findNameTargetOptions } from '@/lib/server/factors/name-aliases';
import { findColumnMappingPresets } from '@/lib/server/usage/uploads/column-mapping-presets';
import { findUploads } from '@/lib/server/usage/uploads/upload-queries';
import { UploadHistory } from './_components/upload-history';
import { UploadPanel } from './_components/upload-panel';

export const metadata: Metadata = { title: 'Uploads' };

export default async function UploadsPage() {
  const ctx = await requirePageAuth('read');
  const canWrite = hasPermission(ctx.role, 'writeUsage');
  const [uploads, presets, org, nameOptions] = await Promise.all([
    findUploads(ctx),
    canWrite ? findColumnMappingPresets(ctx) : [],
    getOrganization(ctx),
    canWrite ? findNameTargetOptions(ctx) : { accelerators: [], regions: [], models: [], instanceTypes: [] },
  ]);
  return (
    <>
      <PageHeader
        title="Uploads"
        description="Import usage from CSV: our generic template, CodeCarbon emissions.csv or nvidia-smi logs."
        actions={
          <div className="flex gap-3 text-sm">
            <a className="text-brand-700 underline" href="/templates/ai-footprint-template-v1.csv" download>
              Blank template
            </a>
            <a className="text-brand-700 underline" href="/templates/ai-footprint-example-v1.csv" download>
              Filled example
            </a>
          </div>
        }
      />
      {canWrite ? (
        <Card>
          <CardHeader>
            <CardTitle>Upload a file</CardTitle>
            <CardDescription>
              All-or-nothing by default; the same file twice adds nothing; rows with a known record_id replace
              their earlier version.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <UploadPanel
              presets={presets}
              defaultTimeZone={org?.timeZone ?? 'UTC'}
              nameOptions={nameOptions}
            />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Upload history</CardTitle>
        </CardHeader>
        <CardContent>
          {uploads.length === 0 ? (
            <EmptyState title="No uploads yet">
              Uploaded files appear here with their status and counts.
            </EmptyState>
          ) : (
            <UploadHistory uploads={uploads} canWrite={canWrite} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
