import { expect, test } from 'vitest';
import { PERMISSIONS, type TPermission } from './roles';
import { requiredScope, tokenScopesAllow } from './token-scopes';

test('every permission maps to one scope, or to none for session-only management', () => {
  const mapped = Object.fromEntries(
    Object.keys(PERMISSIONS).map((p) => [p, requiredScope(p as TPermission)]),
  );
  expect(mapped).toEqual({
    read: 'read',
    writeUsage: 'write:usage',
    manageTokens: null,
    manageOrganization: 'manage:factors',
    manageMembers: null,
    readAudit: 'read',
    prepareReports: 'reports',
    approveReports: 'reports',
    reviewReports: 'reports',
    manageHardware: null,
    planInsights: null,
  });
});

test('tokenScopesAllow needs the mapped scope; member and token management is never allowed to tokens', () => {
  expect(tokenScopesAllow(['read'], 'read')).toBe(true);
  expect(tokenScopesAllow(['read'], 'writeUsage')).toBe(false);
  expect(tokenScopesAllow(['write:usage'], 'writeUsage')).toBe(true);
  expect(tokenScopesAllow(['read', 'write:usage', 'reports'], 'approveReports')).toBe(true);
  expect(tokenScopesAllow(['read', 'write:usage', 'reports', 'manage:factors'], 'manageMembers')).toBe(false);
  expect(tokenScopesAllow(['read', 'write:usage', 'reports'], 'manageOrganization')).toBe(false);
  expect(tokenScopesAllow(['manage:factors'], 'manageOrganization')).toBe(true);
  expect(tokenScopesAllow([], 'read')).toBe(false);
});
