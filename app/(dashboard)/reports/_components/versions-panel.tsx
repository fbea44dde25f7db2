import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { TReportVersionDto } from '@/lib/data/report-versions';
import { REPORT_FORMATS } from '@/lib/schemas/report-export';
import { ApproveForm, FreezeForm } from './version-forms';

/** Frozen versions of the period with sign-off, reproducible exports, and the freeze / approve actions. */
export function VersionsPanel({
  period,
  versions,
  canPrepare,
  canApprove,
}: {
  period: string;
  versions: TReportVersionDto[];
  canPrepare: boolean;
  canApprove: boolean;
}) {
  return (
    <Card aria-labelledby="versions-title">
      <CardHeader>
        <CardTitle id="versions-title">Frozen versions and sign-off</CardTitle>
        <CardDescription>
          A frozen version stores the report exactly (SHA-256 below); freezing again after data or factor
          changes creates a restated version listing every changed figure. Approved versions cannot change.
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
                  <th scope="col" className="px-2 py-1.5">
                    Version
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    Status
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    Changed figures
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    Frozen by / at
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    Approved by / at
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    SHA-256
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    Exports
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id} className="border-b border-slate-100" data-version={v.version}>
                    <th scope="row" className="px-2 py-1.5 font-medium">{`v${v.version}`}</th>
                    <td className="px-2 py-1.5">{v.status}</td>
                    <td className="px-2 py-1.5 tabular-nums">{v.changes}</td>
                    <td className="px-2 py-1.5">{`${v.createdById ?? '?'} · ${v.createdAt.toISOString()}`}</td>
                    <td className="px-2 py-1.5">
                      {v.approvedAt ? (
                        `${v.approvedById ?? '?'} · ${v.approvedAt.toISOString()}`
                      ) : canApprove ? (
                        <ApproveForm period={period} version={v.version} />
                      ) : (
                        'not approved'
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
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
