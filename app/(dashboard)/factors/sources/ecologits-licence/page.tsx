import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { readEcologitsLicence } from '@/lib/server/factors/llm-model-listing';

export const metadata: Metadata = { title: 'EcoLogits licence' };

/** The licence text shipped with the EcoLogits model repository files (MPL-2.0 asks for it to travel with them). */
export default async function EcologitsLicencePage() {
  await requirePageAuth('read');
  return (
    <>
      <PageHeader
        title="EcoLogits licence (MPL-2.0)"
        description={
          <>
            The AI model repository, provider profiles and electricity mixes come unchanged from EcoLogits
            (GenAI Impact) under the Mozilla Public License 2.0; this is the licence text shipped with them.{' '}
            <Link href="/factors#model-repository" className="text-brand-700 underline">
              Back to the model repository
            </Link>
          </>
        }
      />
      <Card>
        <CardContent>
          <pre className="overflow-x-auto text-xs whitespace-pre-wrap break-words" data-testid="licence-text">
            {readEcologitsLicence()}
          </pre>
        </CardContent>
      </Card>
    </>
  );
}
