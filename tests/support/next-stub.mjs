// A stand-in for `next start` (run by scripts/db/run-next.ts when AIF_NEXT_BIN points here), for
// tests/integration/launcher-lifecycle.test.ts: an HTTP server on --port that answers GET / with its pid and
// never answers GET /hang. On SIGTERM it does what Next's start-server does: close the server, i.e. wait for the
// open requests, then exit 143 — so a hanging request keeps it alive, as with the real Next.js.
import http from 'node:http';

const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
const server = http.createServer((request, response) => {
  if (request.url === '/hang') {
    return;
  }
  response.end(JSON.stringify({ pid: process.pid, databaseUrl: process.env.DATABASE_URL }));
});
server.listen(port, '127.0.0.1', () => console.log(`next-stub ready pid=${process.pid}`));
process.on('SIGTERM', () => server.close(() => process.exit(143)));
