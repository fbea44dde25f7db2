import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format/date-time';
import { approvalBlocker, reviewBlocker } from '@/lib/reports/review-rules';
import { REPORT_FORMATS } from '@/lib/schemas/report-export';
import type { TReportVersionDto } from '@/lib/server/reports/report-versions';
import { FreezeForm, SignOffForm } from './version-forms';

const COLUMNS = [
  'Version',
  'Status',
  'Sign-off',
  'Changed figures',
  'Prepared (frozen)',
  'Reviewed',
  'Approved',
  'SHA-256',
  'Exports',
];

function Person({ id, at, names }: { id: string | null; at: Date | null; names: Record<string, string> }) {
  return at ? (
    <span>
      {id ? (names[id] ?? id) : 'script'}
      <br />
      <span className="text-xs text-slate-500">{formatDateTime(at)}</span>
    </span>
  ) : null;
}

/**
 * Frozen versions of the period with the four-eyes sign-off (prepared → reviewed → approved, three different
 * people), reproducible exports, and the freeze / review / approve actions. Buttons appear only when the rules
 * allow the signed-in user; the server re-checks (lib/server/reports/report-sign-off.ts).
 */
export function VersionsPanel({
  period,
  versions,
  canPrepare,
  canApprove,
  canReview,
  userId,
  names,
}: {
  period: string;
  versions: TReportVersionDto[];
  canPrepare: boolean;
  canApprove: boolean;
  canReview: boolean;
  userId: string;
  names: Record<string, string>;
}) {
  return (
    <Card aria-labelledby="versions-title">
      <CardHeader>
        <CardTitle id="versions-title">Frozen versions and sign-off</CardTitle>
        <CardDescription>
          A frozen version stores the report exactly (SHA-256 below); freezing again after data or factor
          changes creates a restated version listing every changed figure. Sign-off follows the four-eyes
          rule: draft → reviewed → approved, by three different people (preparer, reviewer, approver).
          Approved versions cannot change.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {canPrepare ? <FreezeForm period={period} /> : null}
        {versions.length === 0 ? (
          <p className="text-sm text-slate-500">No frozen version of {period} yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Frozen versions of {period}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-xs text-slate-500">
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" className="px-2 py-1.5">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => {
                  const mayReview = canReview && reviewBlocker(v, userId) === null;
                  const mayApprove = canApprove && approvalBlocker(v, userId) === null;
                  return (
                    <tr key={v.id} className="border-b border-slate-100 align-top" data-version={v.version}>
                      <th scope="row" className="px-2 py-1.5 font-medium">{`v${v.version}`}</th>
                      <td className="px-2 py-1.5">{v.status}</td>
                      <td className="px-2 py-1.5" data-testid={`workflow-v${v.version}`}>
                        {v.workflow}
                      </td>
                      <td className="px-2 py-1.5 tabular-nums">{v.changes}</td>
                      <td className="px-2 py-1.5">
                        <Person id={v.createdById} at={v.createdAt} names={names} />
                      </td>
                      <td className="px-2 py-1.5">
                        {v.reviewedAt ? (
                          <Person id={v.reviewedById} at={v.reviewedAt} names={names} />
                        ) : mayReview ? (
                          <SignOffForm period={period} version={v.version} step="review" />
                        ) : (
                          <span className="text-slate-500">awaiting review</span>
                        )}
                      </td>
                      <td className="px-2 py-1.5">
                        {v.approvedAt ? (
                          <Person id={v.approvedById} at={v.approvedAt} names={names} />
                        ) : mayApprove ? (
                          <SignOffForm period={period} version={v.version} step="approve" />
                        ) : (
                          <span className="text-slate-500">not approved</span>
                        )}
                      </td>
                      <td className="px-2 py-1.5 font-mono text-xs">{v.contentSha256.slice(0, 16)}…</td>
                      <td className="flex gap-2 px-2 py-1.5">
                        {REPORT_FORMATS.map((f) => (
                          <a
                            key={f}
                            className="text-brand-700 underline"
                            href={`/api/v1/reports/${period}/export?format=${f}&version=${v.version}`}
                            download
                            aria-label={`Export version ${v.version} as ${f.toUpperCase()}`}
                          >
                            {f.toUpperCase()}
                          </a>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
