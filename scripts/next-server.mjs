// The production server behind `npm start` (and the e2e server): Next's request handler in a plain Node HTTP
// server, so that each request runs inside an AsyncLocalStorage context the app can read
// (lib/server/request-context.ts): `signal` aborts when the client closes the connection before the response
// finished, `closed` resolves when the response is over. `next start` gives pages no way to see a departed client,
// so a burst of timed-out requests kept being rendered for minutes (issue #17 item 13).
// Plain JavaScript on plain Node, exactly as `next start` runs (no TypeScript loader, no react-server condition).
// Usage: node scripts/next-server.mjs --port 3000
import { createServer } from 'node:http';
import { withRequestContext } from './server/request-context-handler.mjs';

const arg = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.PORT ?? 3000);
const hostname = arg('hostname');
// As `next start` does: production React and Next internals (set before Next is loaded).
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

const app = next({ dev: false, dir: process.cwd(), port, ...(hostname ? { hostname } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(withRequestContext(handle));
server.listen(port, hostname, () => console.log(`next-server: listening on ${hostname ?? '*'}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
