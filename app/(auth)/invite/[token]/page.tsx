import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { roleLabel } from '@/lib/format/labels';
import { ZInvitationToken } from '@/lib/schemas/members';
import { getInvitationByToken } from '@/lib/server/access/invitations';
import { AcceptInvitationForm } from './_components/accept-invitation-form';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

const REFUSED = {
  expired: 'This invitation has expired. Ask the person who invited you for a new link.',
  accepted: 'This invitation has already been used. Sign in instead.',
  revoked: 'This invitation was revoked. Ask the person who invited you for a new link.',
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const parsed = ZInvitationToken.safeParse(token);
  const invitation = parsed.success ? await getInvitationByToken(parsed.data, new Date()) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 via-white to-slate-100 px-4 dark:from-slate-950 dark:via-slate-900 dark:to-slate-950">
      <div className="w-full max-w-sm">
        <h1 className="mb-6 text-center text-2xl font-semibold tracking-tight">Join AI Footprint</h1>
        <Card>
          <CardContent className="flex flex-col gap-4 py-6">
            {!invitation ? (
              <Alert tone="error">This invitation link is not valid.</Alert>
            ) : invitation.status !== 'pending' ? (
              <Alert tone="error">{REFUSED[invitation.status]}</Alert>
            ) : (
              <>
                <p className="text-sm">
                  You are invited to <strong>{invitation.orgName}</strong> as{' '}
                  <strong>{roleLabel(invitation.role)}</strong>, with the email{' '}
                  <strong>{invitation.email}</strong>.
                </p>
                <AcceptInvitationForm token={token} />
              </>
            )}
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
