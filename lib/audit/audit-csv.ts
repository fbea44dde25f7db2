import { csvLine } from '@/lib/dashboard/to-csv';

// The audit log as CSV (RFC 4180, formula-injection safe via csvLine). Times in UTC ISO 8601.
export const AUDIT_CSV_HEADER = [
  'time_utc',
  'action',
  'actor_email',
  'actor_user_id',
  'actor_token_id',
  'target_type',
  'target_id',
  'details_json',
] as const;

export interface TAuditCsvRow {
  createdAt: Date;
  action: string;
  actorEmail: string | null;
  actorUserId: string | null;
  actorTokenId: string | null;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
}

export function auditCsvLine(row: TAuditCsvRow): string {
  return csvLine([
    row.createdAt.toISOString(),
    row.action,
    row.actorEmail,
    row.actorUserId,
    row.actorTokenId,
    row.targetType,
    row.targetId,
    row.metadata === null || row.metadata === undefined ? '' : JSON.stringify(row.metadata),
  ]);
}
