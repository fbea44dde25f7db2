import 'server-only';
import type pg from 'pg';

/**
 * Serialises uploads of the same content (org, sha256) until the calling transaction ends: the second of
 * two concurrent identical uploads waits here, then sees the first one's committed Upload row and returns it
 * as `repeated` instead of importing the records a second time (docs/decisions/reliability.md).
 * A transaction-scoped advisory lock needs no table and is released by COMMIT, ROLLBACK or a lost connection.
 */
export async function lockUploadContent(client: pg.ClientBase, orgId: string, sha256: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`upload:${orgId}:${sha256}`]);
}
