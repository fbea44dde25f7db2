import { expect, test } from 'vitest';
import { hasPermission } from './roles';

test('viewers and auditors read but cannot write usage', () => {
  expect(hasPermission('viewer', 'read')).toBe(true);
  expect(hasPermission('auditor', 'read')).toBe(true);
  expect(hasPermission('viewer', 'writeUsage')).toBe(false);
  expect(hasPermission('auditor', 'writeUsage')).toBe(false);
});

test('only owners and admins manage the organisation; auditors read the audit log', () => {
  expect(hasPermission('owner', 'manageOrganization')).toBe(true);
  expect(hasPermission('admin', 'manageOrganization')).toBe(true);
  expect(hasPermission('editor', 'manageOrganization')).toBe(false);
  expect(hasPermission('auditor', 'readAudit')).toBe(true);
  expect(hasPermission('editor', 'readAudit')).toBe(false);
});
