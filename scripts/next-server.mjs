// The production server behind `npm start` (and the e2e server): Next's request handler in a plain Node HTTP
// server, so that each request runs inside a context the app can read (scripts/server/request-context-handler.mjs,
// lib/server/http/request-context.ts): `signal` aborts when the client closes the connection early. `next start`
// gives pages no way to see a departed client, so a burst of timed-out requests kept being rendered for minutes
// (issue #17 item 13).
// WEB_CONCURRENCY (default 1) worker processes share the port (node:cluster): one Node process renders on one
// core, so on N cores N workers serve up to N times the page views. Nothing request-related is kept in process
// memory except caches keyed by data read from Postgres (lib/server/dashboard/org-read-cache.ts), so workers need no sharing.
// Plain JavaScript on plain Node, exactly as `next start` runs (no TypeScript loader, no react-server condition).
// Usage: node scripts/next-server.mjs --port 3000 [--hostname 127.0.0.1]
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { withRequestContext } from './server/request-context-handler.mjs';

const arg = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.PORT ?? 3000);
const hostname = arg('hostname');
const workers = Number(process.env.WEB_CONCURRENCY ?? 1);
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`WEB_CONCURRENCY must be a positive whole number, got "${process.env.WEB_CONCURRENCY}"`);
  process.exit(1);
}

if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) {
    cluster.fork();
  }
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      console.error(`next-server: worker ${worker.process.pid} exited (${code}); starting another`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) {
      process.exit(0);
    }
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) {
      worker?.process.kill('SIGTERM');
    }
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  // As `next start` does: production React and Next internals (set before Next is loaded).
  process.env.NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), port, ...(hostname ? { hostname } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer(withRequestContext(handle));
  server.listen(port, hostname, () =>
    console.log(`next-server: process ${process.pid} listening on ${hostname ?? '*'}:${port}`),
  );
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
