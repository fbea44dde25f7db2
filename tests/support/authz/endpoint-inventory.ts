import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// Every endpoint the app exposes, read from the filesystem and the modules' exports (not from a hand-kept list),
// so the role-matrix and tenant-isolation suites fail when a route or server action is added without a case.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return files.flat();
}

/** `app/(dashboard)/records/export/route.ts` → `/records/export` (route groups do not appear in URLs). */
export function urlPathOf(file: string): string {
  const segments = path.dirname(file).split('/').slice(1);
  return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join('/')}`;
}

export interface TRouteEndpoint {
  /** `GET /api/v1/uploads/[id]` */
  key: string;
  /** `app/api/v1/uploads/[id]/route.ts` */
  file: string;
  method: string;
}

/** Every HTTP method exported by every app/**\/route.ts. */
export async function routeEndpoints(): Promise<TRouteEndpoint[]> {
  const files = (await walk(path.join(ROOT, 'app'))).filter((f) => f.endsWith('/route.ts'));
  const endpoints: TRouteEndpoint[] = [];
  for (const file of files) {
    const relative = path.relative(ROOT, file);
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === 'function') {
        endpoints.push({ key: `${method} ${urlPathOf(relative)}`, file: relative, method });
      }
    }
  }
  return endpoints.sort((x, y) => x.key.localeCompare(y.key));
}

/** `app/(dashboard)/uploads/actions.ts#deleteUploadAction` for every export of every 'use server' module. */
export async function serverActionKeys(): Promise<string[]> {
  // Server code lives in app/ and lib/ (components/ are client or shared UI).
  const dirs = ['app', 'lib', 'components'].map((d) => path.join(ROOT, d));
  const files = (await Promise.all(dirs.map(walk)))
    .flat()
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('/lib/generated/'));
  const keys: string[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    if (!/^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(source)) {
      continue;
    }
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') {
        keys.push(`${path.relative(ROOT, file)}#${name}`);
      }
    }
  }
  return keys.sort();
}
