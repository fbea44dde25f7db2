import { describe, expect, test } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { API_ENDPOINTS } from './openapi-endpoints';

const PUBLIC_PATHS = API_ENDPOINTS.filter((e) => e.auth.kind === 'public').map((e) => e.path);

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument('http://localhost:3000');

  test('is OpenAPI 3.1 and lists every v1 endpoint', () => {
    expect(doc.openapi).toBe('3.1.0');
    // openapi-coverage.test.ts checks the paths against app/api; here: each endpoint became one operation.
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(operations).toHaveLength(API_ENDPOINTS.length);
    expect(doc.paths).toHaveProperty(['/api/codecarbon/experiments']);
  });

  test('every $ref resolves to a component generated from Zod', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) {
      expect(doc.components.schemas, name).toHaveProperty(name as string);
    }
  });

  test('the record input schema carries the canonical fields and the summary the groupings', () => {
    const input = doc.components.schemas.UsageRecordInput as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(input.required).toEqual(expect.arrayContaining(['phase', 'startedAt', 'endedAt']));
    expect(input.properties).toHaveProperty('energyKwh');
    const summary = doc.paths['/api/v1/summary']?.get as {
      parameters: { name: string; required: boolean; schema: { enum?: string[] } }[];
    };
    const groupBy = summary.parameters.find((p) => p.name === 'groupBy');
    expect(groupBy?.schema.enum).toContain('accelerator');
    expect(summary.parameters.find((p) => p.name === 'from')?.required).toBe(true);
  });

  test('record dates are date-time strings, not anyOf [string, {}]', () => {
    const input = doc.components.schemas.UsageRecordInput as { properties: Record<string, unknown> };
    for (const field of ['startedAt', 'endedAt']) {
      expect(input.properties[field], field).toMatchObject({ type: 'string', format: 'date-time' });
      expect(input.properties[field], field).not.toHaveProperty('anyOf');
    }
  });

  test('every authenticated operation documents 401 and 403; every response, errors included, has a schema', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { responses: object }>)) {
        const responses = op.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>;
        if (!PUBLIC_PATHS.includes(path)) {
          expect(Object.keys(responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
        }
        // Every answer, errors included, has a body with a schema: clients can type their error handling too.
        for (const [status, r] of Object.entries(responses)) {
          expect(Object.keys(r.content ?? {}), `${method} ${path} ${status} has a body`).not.toEqual([]);
          for (const [type, media] of Object.entries(r.content ?? {})) {
            expect(media.schema, `${method} ${path} ${status} ${type}`).toBeDefined();
          }
        }
      }
    }
  });

  test('report downloads: JSON by schema, CSV as text, PDF and XLSX as bytes', () => {
    const exportOp = doc.paths['/api/v1/reports/{period}/export']?.get as
      | { responses: Record<string, { content: Record<string, { schema: unknown }> }> }
      | undefined;
    const ok = exportOp?.responses['200'];
    expect(ok?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/EsgReport' } },
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    });
  });
});
