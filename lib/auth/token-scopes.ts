import type { TPermission } from './roles';

// What an API token may do, on top of its user's role (a token never exceeds the role). Chosen at creation.
export const TOKEN_SCOPES = ['read', 'write:usage', 'reports', 'manage:factors'] as const;
export type TTokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_SCOPE_LABELS: Record<TTokenScope, string> = {
  read: 'Read usage, summaries, reports and the audit log (if the role allows)',
  'write:usage': 'Push and delete usage (uploads, records, CodeCarbon)',
  reports: 'Freeze, review and approve report versions',
  'manage:factors':
    'Add and remove factor overrides and energy contracts (owner or admin role; recomputes records)',
};

// The scope a bearer token needs for each permission; null = never through a token (browser session only).
const PERMISSION_SCOPE: Record<TPermission, TTokenScope | null> = {
  read: 'read',
  readAudit: 'read',
  writeUsage: 'write:usage',
  prepareReports: 'reports',
  approveReports: 'reports',
  reviewReports: 'reports',
  manageTokens: null,
  // Organisation configuration reachable through the API: factor overrides and energy contracts.
  manageOrganization: 'manage:factors',
  manageMembers: null,
  manageHardware: null,
  planInsights: null,
};

export function requiredScope(permission: TPermission): TTokenScope | null {
  return PERMISSION_SCOPE[permission];
}

/** True when a token with `scopes` may use `permission` (the role is checked separately). */
export function tokenScopesAllow(scopes: readonly string[], permission: TPermission): boolean {
  const needed = PERMISSION_SCOPE[permission];
  return needed !== null && scopes.includes(needed);
}
