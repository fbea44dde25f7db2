import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findReferenceSourceDocs } from '@/lib/server/reports/reference-sources';
import { MarkdownView } from './_components/markdown-view';

export const metadata: Metadata = { title: 'Data sources and licences' };

export default async function DataSourcesPage() {
  await requirePageAuth('read');
  const docs = await findReferenceSourceDocs();
  return (
    <>
      <PageHeader
        title="Data sources and licences"
        description={
          <>
            Attribution and licence of every bundled dataset (CC BY 4.0, ODbL 1.0, Apache-2.0, MIT, MPL-2.0),
            as shipped in <code>reference/</code>. Computed footprints are produced works: they carry these
            attributions.{' '}
            <Link href="/factors" className="text-brand-700 underline">
              Back to factors
            </Link>
          </>
        }
      />
      {docs.map((doc) => (
        <Card key={`${doc.folder}/${doc.fileName}`}>
          <CardHeader>
            <CardTitle>
              {doc.folder ? `reference/${doc.folder}/${doc.fileName}` : `reference/${doc.fileName}`}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <MarkdownView markdown={doc.markdown} />
          </CardContent>
        </Card>
      ))}
    </>
  );
}
