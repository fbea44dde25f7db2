import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { hasPermission } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format/date-time';
import { roleLabel } from '@/lib/format/labels';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findInvitations } from '@/lib/server/access/invitations';
import { findMembers } from '@/lib/server/access/members';
import { InviteForm } from './_components/invite-form';
import { MemberActions } from './_components/member-actions';
import { RevokeInvitationButton } from './_components/revoke-invitation-button';

export const metadata: Metadata = { title: 'Members' };

const ALL_ROLES = ['owner', 'admin', 'editor', 'auditor', 'viewer'] as const;
function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className="px-5 py-3 font-medium">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export default async function MembersPage() {
  const ctx = await requirePageAuth('read');
  const canManage = hasPermission(ctx.role, 'manageMembers');
  // Only owners grant or touch the owner role (lib/auth/member-rules.ts re-checks on the server).
  const grantable = ctx.role === 'owner' ? ALL_ROLES : ALL_ROLES.filter((r) => r !== 'owner');
  const now = new Date();
  const [members, invitations] = await Promise.all([
    findMembers(ctx),
    canManage ? findInvitations(ctx, now) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader
        title="Members"
        description={`People in ${ctx.orgName} and their roles. A role change or removal signs the member out everywhere.`}
      />
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Invite a member</CardTitle>
            <CardDescription>
              Creates a one-time link valid for 7 days. Only owners can invite owners.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm roles={grantable} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardContent className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members of {ctx.orgName}</caption>
            <HeaderRow labels={['Member', 'Role', 'Joined (UTC)', ...(canManage ? ['Manage'] : [])]} />
            <tbody>
              {members.map((m) => (
                <tr key={m.userId} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-5 py-3 font-medium">
                    {m.name}
                    <span className="block text-xs font-normal text-slate-500">{m.email}</span>
                  </th>
                  <td className="px-5 py-3">{roleLabel(m.role)}</td>
                  <td className="px-5 py-3">{formatDateTime(m.joinedAt)}</td>
                  {canManage ? (
                    <td className="px-5 py-3">
                      {m.role === 'owner' && ctx.role !== 'owner' ? (
                        <span className="text-xs text-slate-500">Only owners manage owners</span>
                      ) : (
                        <MemberActions userId={m.userId} email={m.email} role={m.role} roles={grantable} />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
      {canManage && invitations.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Invitations</CardTitle>
          </CardHeader>
          <CardContent className="overflow-x-auto p-0">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Invitations of {ctx.orgName}</caption>
              <HeaderRow labels={['Email', 'Role', 'Expires (UTC)', 'Status']} />
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-5 py-3 font-medium">
                      {i.email}
                    </th>
                    <td className="px-5 py-3">{roleLabel(i.role)}</td>
                    <td className="px-5 py-3">{formatDateTime(i.expiresAt)}</td>
                    <td className="px-5 py-3">
                      {i.status === 'pending' ? (
                        <RevokeInvitationButton invitationId={i.id} email={i.email} />
                      ) : (
                        <span className="text-slate-500">{i.status}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
