import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route handler as exported by app/**\/route.ts. */
// `Promise<never>`: accepts handlers of any params shape (their parameter types differ per route).
type THandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** A Node request (headers and whole body) as the Fetch API Request that route handlers take. */
export async function webRequestOf(req: IncomingMessage, url: URL): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') {
      headers.set(name, value);
    }
  }
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(url, { method: req.method, headers, body });
}

/**
 * A real HTTP server (node:http on an ephemeral port) that dispatches to the app's route handlers, so clients
 * are tested over TCP with real fetch, headers and status codes. Routes: 'GET /api/v1/uploads/{id}' → handler.
 */
export async function startRouteServer(
  routes: Record<string, THandler>,
): Promise<{ url: string; server: Server }> {
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const names: string[] = [];
    const regex = new RegExp(
      `^${pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    return { method, regex, names, handler };
  });
  const server = createServer(async (req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = table
      .map((r) => ({ r, m: r.method === req.method ? r.regex.exec(url.pathname) : null }))
      .find((x) => x.m);
    if (!match?.m) {
      res.writeHead(404).end();
      return;
    }
    const request = await webRequestOf(req, url);
    const params = Object.fromEntries(
      match.r.names.map((n, i) => [n, decodeURIComponent(match.m?.[i + 1] ?? '')]),
    );
    const response = await match.r.handler(request, { params: Promise.resolve(params) as Promise<never> });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
