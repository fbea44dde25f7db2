import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROUTE_DEFINITION, type TRouteHandler } from '@/lib/server/http/define-route';
import { API_ENDPOINTS, toEndpoint } from '@/lib/server/http/openapi/openapi-endpoints';
import { ALL_ROUTES } from '@/lib/server/http/routes/all-routes';
import type { TRouteDefinition } from '@/lib/server/http/routes/route-contract';

// Issue #18: every route handler goes through ONE wrapper (`defineRoute`), and the OpenAPI document is generated
// from the same definitions. Checked at runtime: each app/**/route.ts is imported and every exported HTTP method
// must carry the definition `defineRoute` brands its handler with, for that method and the file's own path.

const ROOT = path.resolve(import.meta.dirname, '../..');
const APP = path.join(ROOT, 'app');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Next's route segment config, the only other exports a route file may have. */
const SEGMENT_CONFIG = ['dynamic', 'revalidate', 'runtime', 'maxDuration', 'fetchCache', 'preferredRegion'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === 'route.ts' ? [full] : [];
  });
}

/** app/(dashboard)/records/export/route.ts → /records/export; [id] → {id}; [...all] → {...all}. */
function urlPathOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(.+)\]$/, '{$1}'));
  return `/${segments.join('/')}`;
}

const files = routeFiles(APP).sort();

describe('every route handler is made by defineRoute', () => {
  test('the app has its route files', () => {
    // 39 at issue #18; a lower count means the walk missed a folder.
    expect(files.length).toBeGreaterThanOrEqual(39);
  });

  const served: TRouteDefinition[] = [];

  test.each(files.map((f) => [path.relative(ROOT, f), f]))(
    '%s',
    async (_name, file) => {
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const methods = Object.keys(module).filter((name) => HTTP_METHODS.includes(name));
      expect(methods.length, 'exports at least one HTTP method').toBeGreaterThan(0);
      for (const name of Object.keys(module)) {
        expect([...HTTP_METHODS, ...SEGMENT_CONFIG], `export ${name}`).toContain(name);
      }
      for (const method of methods) {
        const definition = (module[method] as Partial<TRouteHandler>)[ROUTE_DEFINITION];
        expect(definition, `${method} is not a defineRoute handler`).toBeDefined();
        expect(definition?.method, `${method}: the definition's method`).toBe(method);
        expect(definition?.path, `${method}: the definition's path`).toBe(urlPathOf(file));
        expect(ALL_ROUTES, `${method} ${definition?.path} is listed in ALL_ROUTES`).toContain(definition);
        served.push(definition as TRouteDefinition);
      }
    },
    60_000,
  );

  test('every listed definition is served by exactly one handler', () => {
    const keys = served.map((d) => `${d.method} ${d.path}`).sort();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(ALL_ROUTES.map((d) => `${d.method} ${d.path}`).sort());
  });
});

describe('route definitions', () => {
  test('every /api/v1 route is rate limited (docs/decisions/api.md)', () => {
    const unlimited = ALL_ROUTES.filter((d) => d.path.startsWith('/api/v1/') && d.rateLimit === 'none');
    expect(unlimited.map((d) => `${d.method} ${d.path}`)).toEqual([]);
  });

  test('the document has exactly the API routes: Better Auth, the health probe and browser downloads excluded', () => {
    const documented = API_ENDPOINTS.map((e) => `${e.method.toUpperCase()} ${e.path}`).sort();
    const api = ALL_ROUTES.filter((d) => /^\/api\/(v1|codecarbon)\//.test(d.path)).map(
      (d) => `${d.method} ${d.path}`,
    );
    expect(documented).toEqual(api.sort());
    const excluded = ALL_ROUTES.filter((d) => d.openapi === false).map((d) => `${d.method} ${d.path}`);
    expect(excluded.sort()).toEqual([
      'GET /api/auth/{...all}',
      'GET /api/health',
      'GET /audit/export',
      'GET /records/export',
      'GET /templates/{file}',
      'POST /api/auth/{...all}',
    ]);
  });

  test('every error the wrapper itself can answer is documented by the route', () => {
    for (const d of ALL_ROUTES.filter((r) => r.openapi !== false)) {
      const statuses = Object.keys(toEndpoint(d).responses);
      const expected = [
        ...(d.query || (d.params && d.invalidParams === 'invalid-input') ? ['400'] : []),
        ...(d.params && d.invalidParams !== 'invalid-input' ? ['404'] : []),
        ...(d.body?.kind === 'json' ? ['422'] : []),
        // A record batch that is not JSON is a 400; over API_MAX_RECORDS a 413.
        ...(d.body?.kind === 'records' ? ['400', '413'] : []),
        ...(d.auth.kind === 'public' ? [] : ['401', '403']),
        ...(d.rateLimit === 'none' ? [] : ['429']),
        '500',
        '503',
      ];
      expect(statuses, `${d.method} ${d.path}`).toEqual(expect.arrayContaining(expected));
    }
  });

  test('path parameters are declared exactly as the path names them', () => {
    for (const d of ALL_ROUTES) {
      const named = [...d.path.matchAll(/\{(?:\.\.\.)?(\w+)\}/g)].map((m) => m[1]);
      const declared = Object.keys(d.params?.shape ?? {});
      // Better Auth's catch-all reads its own path; every other segment is parsed by the wrapper.
      expect(declared, `${d.method} ${d.path}`).toEqual(d.path.includes('{...') ? [] : named);
    }
  });
});
