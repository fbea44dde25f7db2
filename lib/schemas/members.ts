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

/** Accepting as a new user: name + password (same minimum as Better Auth's config). */
export const ZAcceptInvitationNewUser = z
  .object({
    token: ZInvitationToken,
    name: z.string().trim().min(1, { message: 'Enter your name.' }).max(120),
    password: z.string().min(10, { message: 'Use at least 10 characters.' }).max(128),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: 'The passwords differ.',
    path: ['confirmPassword'],
  });

/** Accepting as an existing user: their password proves it is them. */
export const ZAcceptInvitationExistingUser = z.object({
  token: ZInvitationToken,
  password: z.string().min(1, { message: 'Enter your password.' }).max(128),
});

export const ZSwitchOrganizationInput = z.object({ orgSlug: z.string().min(1).max(100) });

export const ZCreateOrganizationInput = z.object({
  name: z.string().trim().min(2, { message: 'At least 2 characters.' }).max(120),
});
