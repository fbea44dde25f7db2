import { z } from 'zod';

const ROLES = ['owner', 'admin', 'editor', 'viewer', 'auditor'] as const;
const ZRole = z.enum(ROLES, { message: 'Choose a role.' });

export const ZInviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'Enter a valid email address.' }).max(254),
  role: ZRole,
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZChangeMemberRoleInput = z.object({ userId: z.string().min(1).max(200), role: ZRole });
export const ZRemoveMemberInput = z.object({ userId: z.string().min(1).max(200) });
export const ZRevokeInvitationInput = z.object({ invitationId: z.string().uuid() });

/** The invitation link's token: `inv_` + 32 random bytes base64url. */
export const ZInvitationToken = z
  .string()
  .regex(/^inv_[A-Za-z0-9_-]{43}$/, { message: 'Invalid invitation link.' });

/**
 * Accepting an invitation: one form whoever opens the link (the page does not tell whether the invited email has an
 * account). An existing account proves itself with its password; otherwise the account is created with `name`
 * and the password, which must meet the policy (lib/security/password-policy.ts).
 */
export const ZAcceptInvitationInput = z
  .object({
    token: ZInvitationToken,
    name: z.string().trim().max(120).default(''),
    password: z.string().min(1, { message: 'Enter a password.' }).max(128),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: 'The passwords differ.',
    path: ['confirmPassword'],
  });

export const ZSwitchOrganizationInput = z.object({ orgSlug: z.string().min(1).max(100) });

export const ZCreateOrganizationInput = z.object({
  name: z.string().trim().min(2, { message: 'At least 2 characters.' }).max(120),
});
