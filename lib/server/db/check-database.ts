import 'server-only';
import { getPrisma } from '@/lib/server/db/prisma';
import { executeSql, sql } from '@/lib/server/db/sql';

/** True when the database answers a trivial query. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await executeSql(getPrisma(), sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
