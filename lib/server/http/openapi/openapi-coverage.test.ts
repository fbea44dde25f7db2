import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_ENDPOINTS } from './openapi-endpoints';

// Every route handler under app/api must be in the OpenAPI document and vice versa, so a new route cannot ship
// undocumented. Exempt: Better Auth's catch-all (its own protocol) and the operations probe /api/health (for load
// balancers and the e2e server, not clients: 200 or 503 and never a 4xx, which Redocly's recommended
// operation-4xx-response rule asks of every operation; docs/API.md describes it).
const EXEMPT = ['/api/auth/{...all}', '/api/health'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(path) : entry.name === 'route.ts' ? [path] : [];
  });
}

function implementedOperations(): string[] {
  const appDir = join(process.cwd(), 'app');
  return routeFiles(join(appDir, 'api')).flatMap((file) => {
    const path = `/${relative(appDir, file).split(sep).slice(0, -1).join('/')}`.replace(
      /\[([^\]]+)\]/g,
      '{$1}',
    );
    const methods = [
      ...readFileSync(file, 'utf8').matchAll(
        /^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm,
      ),
    ].map((m) => (m[1] as string).toLowerCase());
    return EXEMPT.includes(path) ? [] : methods.map((method) => `${method} ${path}`);
  });
}

describe('OpenAPI completeness', () => {
  test('every route under app/api is documented, and every documented operation exists', () => {
    const implemented = implementedOperations().sort();
    const documented = API_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort();
    expect(implemented.length).toBeGreaterThan(20);
    expect(documented).toEqual(implemented);
  });

  test('operations are unique and every one documents its error answers', () => {
    const keys = API_ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const endpoint of API_ENDPOINTS) {
      const statuses = Object.keys(endpoint.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        `${endpoint.path} success`,
      ).toBe(true);
      expect(statuses, `${endpoint.method} ${endpoint.path}`).toContain('429');
    }
  });
});
