import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDateTime } from '@/lib/format/date-time';
import type { TRestatementBatchDto } from '@/lib/server/usage/restatements';

const count = new Intl.NumberFormat('en-GB');

/** Recomputations that changed stored results: when, why, how many records and field values were restated. */
export function RestatementLog({ batches }: { batches: TRestatementBatchDto[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Restatement log</CardTitle>
        <CardDescription>
          Each recomputation that changed stored results, with the old and new value of every changed field
          kept per record.
        </CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        {batches.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-slate-500">No restatements yet.</p>
        ) : (
          <ScrollRegion label="Restatement log, table">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Restatement log</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-5 py-3 font-medium">
                    When (UTC)
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Reason
                  </th>
                  <th scope="col" className="px-5 py-3 text-right font-medium">
                    Records
                  </th>
                  <th scope="col" className="px-5 py-3 text-right font-medium">
                    Field changes
                  </th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr
                    key={`${b.createdAt.toISOString()}|${b.reason}`}
                    className="border-b border-slate-100 last:border-0"
                  >
                    <th scope="row" className="px-5 py-3 font-medium whitespace-nowrap">
                      {formatDateTime(b.createdAt)}
                    </th>
                    <td className="px-5 py-3">{b.reason}</td>
                    <td className="px-5 py-3 text-right tabular-nums">{count.format(b.records)}</td>
                    <td className="px-5 py-3 text-right tabular-nums">{count.format(b.entries)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </CardContent>
    </Card>
  );
}
