import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';

// What each role may do. Checked on the server in every action and route (lib/server/access/auth-context.ts).
export const PERMISSIONS = {
  read: ['owner', 'admin', 'editor', 'viewer', 'auditor'],
  writeUsage: ['owner', 'admin', 'editor'],
  manageTokens: ['owner', 'admin', 'editor'],
  manageOrganization: ['owner', 'admin'],
  // Invite, change roles, remove members; owners-only rules on top in lib/auth/member-rules.ts.
  manageMembers: ['owner', 'admin'],
  readAudit: ['owner', 'admin', 'auditor'],
  // Freeze a report snapshot (prepare) and sign it off (approve): maker/checker (docs/REPORTS.md).
  prepareReports: ['owner', 'admin', 'editor'],
  approveReports: ['owner', 'admin', 'auditor'],
  // Review a frozen version (the second pair of eyes; never the preparer, never the approver).
  reviewReports: ['owner', 'admin', 'editor', 'auditor'],
  // Owned hardware register (Scope 3 Cat 2) and model lineage: inventory inputs, like usage data.
  manageHardware: ['owner', 'admin', 'editor'],
  // Plan a Green-AI recommendation (owner, status, due date); everyone with `read` sees plans (docs/INSIGHTS.md).
  planInsights: ['owner', 'admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function hasPermission(role: Role, permission: TPermission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws FORBIDDEN unless `role` has `permission`; lib/server write functions call it as a second line of defence. */
export function assertPermission(role: Role, permission: TPermission): void {
  if (!hasPermission(role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${role}) does not allow this.`);
  }
}
