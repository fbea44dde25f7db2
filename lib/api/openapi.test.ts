import { describe, expect, test } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { API_ENDPOINTS } from './openapi-endpoints';

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument('http://localhost:3000');

  test('is OpenAPI 3.1 and lists every v1 endpoint', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/codecarbon/emissions',
      '/api/codecarbon/runs',
      '/api/v1/estimate',
      '/api/v1/me',
      '/api/v1/openapi.json',
      '/api/v1/records',
      '/api/v1/reports/{period}',
      '/api/v1/reports/{period}/export',
      '/api/v1/summary',
      '/api/v1/uploads',
      '/api/v1/uploads/{id}',
      '/api/v1/uploads/{id}/errors',
      '/api/v1/uploads/{id}/progress',
    ]);
    expect(API_ENDPOINTS).toHaveLength(16);
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
});
