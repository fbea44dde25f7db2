import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { buildOpenApiDocument } from '@/lib/server/http/openapi/openapi';
import { describeType, SchemaTable } from './_components/schema-table';

export const metadata: Metadata = { title: 'API reference' };

type TOperation = {
  summary: string;
  description: string;
  parameters: { name: string; in: string; required: boolean; description: string; schema: object }[];
  requestBody?: { description: string; content: Record<string, { schema: object }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema?: { $ref?: string } }> }
  >;
};

// Rendered from the same generated OpenAPI document as GET /api/v1/openapi.json, so the two never differ.
export default async function ApiDocsPage() {
  await requirePageAuth('read');
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, TOperation>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            HTTP API v1. Send <code>Authorization: Bearer aif_…</code> (create one under{' '}
            <Link href="/settings/tokens" className="text-brand-700 underline">
              API tokens
            </Link>
            ). Machine-readable:{' '}
            <a href="/api/v1/openapi.json" className="text-brand-700 underline">
              /api/v1/openapi.json
            </a>{' '}
            (OpenAPI 3.1).
          </>
        }
      />
      <nav aria-label="Endpoints" className="text-sm">
        <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {operations.map(({ path, method }) => (
            <li key={`${method} ${path}`}>
              <a href={`#${method}-${path}`} className="font-mono break-all text-brand-700 underline">
                {method.toUpperCase()} {path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <Card key={`${method} ${path}`}>
          <CardHeader>
            <CardTitle>
              <span id={`${method}-${path}`} className="font-mono break-all">
                {method.toUpperCase()} {path}
              </span>{' '}
              <span className="text-sm font-normal text-slate-500">· {op.summary}</span>
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p className="whitespace-pre-line">{op.description}</p>
            {op.parameters.length > 0 ? (
              <ScrollRegion label="Parameters">
                <table className="w-full text-left">
                  <caption className="text-left font-medium">Parameters</caption>
                  <thead className="text-xs text-slate-500">
                    <tr>
                      <th scope="col" className="pr-4">
                        Name
                      </th>
                      <th scope="col" className="pr-4">
                        In
                      </th>
                      <th scope="col" className="pr-4">
                        Type
                      </th>
                      <th scope="col">Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={p.name} className="border-t border-slate-100 align-top">
                        <td className="pr-4 font-mono">
                          {p.name}
                          {p.required ? ' *' : ''}
                        </td>
                        <td className="pr-4">{p.in}</td>
                        <td className="pr-4 font-mono text-xs">{describeType(p.schema)}</td>
                        <td>{p.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ) : null}
            {op.requestBody ? (
              <p>
                <span className="font-medium">Body:</span> {op.requestBody.description} (
                {Object.entries(op.requestBody.content)
                  .map(([type, c]) => `${type}: ${describeType(c.schema)}`)
                  .join('; ')}
                )
              </p>
            ) : null}
            <ul aria-label="Responses">
              {Object.entries(op.responses).map(([status, r]) => (
                <li key={status}>
                  <span className="font-mono font-medium">{status}</span> {r.description}
                  {Object.entries(r.content ?? {}).map(([type, c]) => (
                    <span key={type} className="font-mono text-xs">
                      {' '}
                      {type === 'application/json' ? '→' : `· ${type}:`} {describeType(c.schema)}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ))}
      <Card>
        <CardHeader>
          <CardTitle>Schemas</CardTitle>
        </CardHeader>
        <CardContent className="space-y-6">
          {Object.entries(doc.components.schemas).map(([name, schema]) => (
            <SchemaTable key={name} name={name} schema={schema} />
          ))}
        </CardContent>
      </Card>
    </>
  );
}
