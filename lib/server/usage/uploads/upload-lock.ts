import 'server-only';
import { executeSql, sql, type TSqlDb } from '../../db/sql';

/**
 * Serialises uploads of the same content (org, sha256) until the calling transaction ends: the second of
 * two concurrent identical uploads waits here, then sees the first one's committed Upload row and returns it
 * as `repeated` instead of importing the records a second time (docs/decisions/reliability.md).
 * A transaction-scoped advisory lock needs no table and is released by COMMIT, ROLLBACK or a lost connection.
 */
export async function lockUploadContent(db: TSqlDb, orgId: string, sha256: string): Promise<void> {
  await executeSql(
    db,
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`upload:${orgId}:${sha256}`}, 0))`,
  );
}
