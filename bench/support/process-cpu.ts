import { readdirSync, readFileSync } from 'node:fs';

// CPU time of a process tree from /proc (Linux only; elsewhere null): user + system time of the root and of every
// live descendant, plus what the root has collected from children that already exited (cutime/cstime: a Postgres
// postmaster's ended backends). Benchmarks print it per request to show where a request's CPU goes.

/** Linux's USER_HZ: /proc/<pid>/stat counts in 1/100 s on every mainstream kernel build. */
const TICKS_PER_S = 100;

interface TStat {
  ppid: number;
  ticks: number;
  childTicks: number;
}

function readStat(pid: number): TStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid = field 4, utime/stime = 14/15, cutime/cstime = 16/17.
    return {
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      childTicks: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}

function allStats(): Map<number, TStat> {
  const stats = new Map<number, TStat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    const stat = Number.isInteger(pid) ? readStat(pid) : null;
    if (stat) {
      stats.set(pid, stat);
    }
  }
  return stats;
}

/** CPU milliseconds used so far by `rootPid` and its descendants, or null when /proc is unavailable. */
export function treeCpuMs(rootPid: number): number | null {
  if (process.platform !== 'linux') {
    return null;
  }
  const stats = allStats();
  const root = stats.get(rootPid);
  if (!root) {
    return null;
  }
  let ticks = root.ticks + root.childTicks;
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!tree.has(pid) && tree.has(stat.ppid)) {
        tree.add(pid);
        ticks += stat.ticks;
        grew = true;
      }
    }
  }
  return (ticks * 1000) / TICKS_PER_S;
}

/** The pid of the Postgres server listening on `port` (its command line carries `-p <port>`), if on this machine. */
export function postmasterPid(port: number): number | null {
  if (process.platform !== 'linux') {
    return null;
  }
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) {
      continue;
    }
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const p = args.indexOf('-p');
      if (args[0]?.endsWith('/postgres') && p > 0 && args[p + 1] === String(port)) {
        return pid;
      }
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}
