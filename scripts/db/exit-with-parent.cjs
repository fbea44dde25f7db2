// Preloaded (node --require) into the Next.js server the launcher spawns (scripts/db/run-next.ts). A launcher
// killed with SIGKILL cannot stop its children: the server would keep the port and the next start would refuse it.
// When the parent is gone (the server has been re-parented), the server is asked to stop (SIGTERM, Next's graceful
// close) and, if requests hang, exits anyway after AIF_STOP_TIMEOUT_MS (default 10 s).
const parent = process.ppid;
const stopTimeoutMs = Number(process.env.AIF_STOP_TIMEOUT_MS ?? 10_000);
const watch = setInterval(() => {
  if (process.ppid === parent) {
    return;
  }
  clearInterval(watch);
  console.error('The launcher that started this server is gone: stopping.');
  setTimeout(() => process.exit(1), stopTimeoutMs).unref();
  process.kill(process.pid, 'SIGTERM');
}, 500);
watch.unref();
