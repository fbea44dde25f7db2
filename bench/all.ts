// All benchmarks in sequence (issue #9): `npm run bench:all`. Each also runs alone (npm run bench:<name>).
// ingest (issue #4: ratio to raw COPY), dashboard overview, quarterly report, summary API under load. The
// last three need `npm run db:seed:large` first; summary-load needs `npx next build`. Extra arguments are not
// forwarded; run a benchmark alone to change its options.
import { spawnSync } from 'node:child_process';

const benches = ['bench:ingest', 'bench:dashboard', 'bench:report', 'bench:summary-load'];
const failed: string[] = [];
for (const name of benches) {
  console.log(`\n=== npm run ${name} ===`);
  const run = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) {
    failed.push(name);
  }
}
console.log(
  failed.length ? `\nFailed to run: ${failed.join(', ')}` : '\nAll benchmarks ran (see PASS/MISS lines).',
);
process.exit(failed.length ? 1 : 0);
