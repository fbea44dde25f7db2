import { describe, expect, test } from 'vitest';
import { inviteRefusal, memberChangeRefusal } from './member-rules';

describe('memberChangeRefusal', () => {
  test('owners may do anything but leave the organisation without an owner', () => {
    expect(
      memberChangeRefusal({ actorRole: 'owner', targetRole: 'editor', newRole: 'owner', ownerCount: 1 }),
    ).toBeNull();
    expect(
      memberChangeRefusal({ actorRole: 'owner', targetRole: 'owner', newRole: 'admin', ownerCount: 2 }),
    ).toBeNull();
    expect(
      memberChangeRefusal({ actorRole: 'owner', targetRole: 'owner', newRole: null, ownerCount: 2 }),
    ).toBeNull();
    expect(
      memberChangeRefusal({ actorRole: 'owner', targetRole: 'owner', newRole: 'admin', ownerCount: 1 }),
    ).toBe('The last owner cannot be demoted; make another member owner first.');
    expect(
      memberChangeRefusal({ actorRole: 'owner', targetRole: 'owner', newRole: null, ownerCount: 1 }),
    ).toBe('The last owner cannot be removed; make another member owner first.');
  });

  test('admins manage non-owners only and cannot grant owner', () => {
    const onlyOwners = 'Only owners can grant, change or remove the owner role.';
    expect(
      memberChangeRefusal({ actorRole: 'admin', targetRole: 'viewer', newRole: 'editor', ownerCount: 1 }),
    ).toBeNull();
    expect(
      memberChangeRefusal({ actorRole: 'admin', targetRole: 'admin', newRole: null, ownerCount: 1 }),
    ).toBeNull();
    expect(
      memberChangeRefusal({ actorRole: 'admin', targetRole: 'viewer', newRole: 'owner', ownerCount: 1 }),
    ).toBe(onlyOwners);
    expect(
      memberChangeRefusal({ actorRole: 'admin', targetRole: 'owner', newRole: 'viewer', ownerCount: 3 }),
    ).toBe(onlyOwners);
    expect(
      memberChangeRefusal({ actorRole: 'admin', targetRole: 'owner', newRole: null, ownerCount: 3 }),
    ).toBe(onlyOwners);
  });

  test('editors, auditors and viewers manage nobody', () => {
    for (const actorRole of ['editor', 'auditor', 'viewer'] as const) {
      expect(memberChangeRefusal({ actorRole, targetRole: 'viewer', newRole: 'editor', ownerCount: 1 })).toBe(
        `Your role (${actorRole}) does not allow managing members.`,
      );
    }
  });
});

test('inviteRefusal: only owners invite owners; only owners and admins invite', () => {
  expect(inviteRefusal('owner', 'owner')).toBeNull();
  expect(inviteRefusal('admin', 'admin')).toBeNull();
  expect(inviteRefusal('admin', 'owner')).toBe('Only owners can invite owners.');
  expect(inviteRefusal('editor', 'viewer')).toBe('Your role (editor) does not allow inviting members.');
});
