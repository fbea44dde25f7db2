import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { hasPermission } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format/date-time';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { findWebhookDeliveries, getAlertWebhook } from '@/lib/server/targets/alert-webhook';
import { AlertWebhookForm } from './alert-webhook-form';

/** Budget alert webhook settings and its last deliveries: owners and admins only (nothing for other roles). */
export async function AlertWebhookCard({ ctx }: { ctx: TAuthContext }) {
  if (!hasPermission(ctx.role, 'manageOrganization')) {
    return null;
  }
  const [hook, deliveries] = await Promise.all([getAlertWebhook(ctx), findWebhookDeliveries(ctx)]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Budget alert webhook</CardTitle>
        <CardDescription>
          Off by default. When on, each budget alert (80 % and 100 %) is POSTed as JSON signed with
          HMAC-SHA256 in the X-AIF-Signature header: sha256= followed by the hex HMAC of X-AIF-Timestamp, a
          dot and the raw body, keyed with the webhook secret. Failed deliveries never block writes.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <AlertWebhookForm
          initial={hook ? { url: hook.url, enabled: hook.enabled, secretHint: hook.secretHint } : null}
        />
        {deliveries.length > 0 ? (
          <table className="w-full text-sm">
            <caption className="mb-1 text-left font-medium">Recent deliveries</caption>
            <thead>
              <tr className="border-b text-left text-slate-500">
                <th scope="col" className="py-1 pr-4">
                  When (UTC)
                </th>
                <th scope="col" className="py-1 pr-4">
                  Status
                </th>
                <th scope="col" className="py-1 pr-4">
                  HTTP
                </th>
                <th scope="col" className="py-1">
                  Error
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-4">{formatDateTime(d.createdAt, { seconds: true })}</td>
                  <td className="py-1 pr-4">{d.status}</td>
                  <td className="py-1 pr-4">{d.httpStatus ?? '–'}</td>
                  <td className="py-1">{d.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </CardContent>
    </Card>
  );
}
