import { Alert } from '@/components/ui/alert';
import { formatNumber } from '@/lib/format/quantities';
import type { TCodecarbonComparison } from '@/lib/ingest/codecarbon-comparison';
import type { RowError } from '@/lib/ingest/types';
import type { TUploadDto } from '@/lib/server/usage/uploads/upload-queries';

export type TUploadResponse = Omit<TUploadDto, 'createdAt' | 'completedAt'> & {
  errors: RowError[];
  skippedLines: number[];
  error?: { message: string };
};

/** The summary shown when an upload finishes: what was added, or why nothing was, and the first errors. */
export function UploadResult({ result, repeated }: { result: TUploadResponse; repeated: boolean }) {
  const t = result.totals;
  return (
    <div className="flex flex-col gap-3" data-testid="upload-result">
      {result.status === 'completed' ? (
        <Alert tone="success">
          <p className="font-medium">
            {repeated
              ? `This file was already uploaded (${result.fileName}); nothing was added.`
              : `Upload complete: ${formatNumber(result.rowsAccepted)} records imported from ${result.fileName}.`}
          </p>
          {t ? (
            <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4">
              <div>
                <dt className="text-xs">Records</dt>
                <dd className="font-semibold" data-testid="summary-records">
                  {formatNumber(t.records)}
                </dd>
              </div>
              <div>
                <dt className="text-xs">Facility energy</dt>
                <dd className="font-semibold">{formatNumber(t.facilityEnergyKwh)} kWh</dd>
              </div>
              <div>
                <dt className="text-xs">Location-based</dt>
                <dd className="font-semibold">{formatNumber(t.locationKgCo2e)} kg CO2e</dd>
              </div>
              <div>
                <dt className="text-xs">Rows with errors</dt>
                <dd className="font-semibold">{formatNumber(result.rowsRejected)}</dd>
              </div>
            </dl>
          ) : null}
          {!repeated && result.rowsAccepted > 0 ? (
            <p className="mt-2">
              <a className="font-medium underline" href={`/records?range=all&upload=${result.id}`}>
                View these {formatNumber(result.rowsAccepted)} records
              </a>
            </p>
          ) : null}
          {t?.codecarbon ? <CodecarbonComparison comparison={t.codecarbon} /> : null}
          {result.replacement && result.replacement.updated > 0 ? (
            <p className="mt-1 text-xs">
              {result.replacement.updated} earlier record(s) replaced (logged as restatements).
            </p>
          ) : null}
        </Alert>
      ) : (
        <Alert tone="error">
          <p className="font-medium">
            {result.fileName}: {result.errorCount} error(s) — nothing was stored.
          </p>
          <p className="text-xs">Fix the rows below and upload again, or tick “Import valid rows only”.</p>
        </Alert>
      )}
      {result.errors.length > 0 ? (
        <ErrorTable errors={result.errors} total={result.errorCount} uploadId={result.id} />
      ) : null}
    </div>
  );
}

/** CodeCarbon's own total beside ours, and per run beyond 10 % which factor differs (PUE, grid intensity). */
function CodecarbonComparison({ comparison: cc }: { comparison: TCodecarbonComparison }) {
  const differences = cc.differences ?? [];
  const differing = cc.differingRuns ?? 0;
  return (
    <div className="mt-2 text-xs" data-testid="codecarbon-comparison">
      <p>
        CodeCarbon reported {formatNumber(cc.reportedKgCo2e)} kg CO2e for these {cc.runs} runs; our
        recomputation gives {formatNumber(cc.recomputedLocationKgCo2e)} kg CO2e (location-based, our factors
        and PUE).
      </p>
      {cc.matchedLiveRuns ? (
        <p className="mt-1" data-testid="codecarbon-matched">
          {cc.matchedLiveRuns} run(s) of this file (line {(cc.matchedLines ?? []).join(', ')}) were already
          sent live by the CodeCarbon tracker: counted once, as the live run.
        </p>
      ) : null}
      {differing > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer">
            {differing} run(s) differ from CodeCarbon by more than 10 %: why
          </summary>
          <ul className="mt-1 flex flex-col gap-1" data-testid="codecarbon-differences">
            {differences.map((d) => (
              <li key={d.line}>
                <span className="font-medium">
                  Line {d.line}: CodeCarbon {formatNumber(d.reportedKgCo2e)}, ours{' '}
                  {formatNumber(d.recomputedLocationKgCo2e)} kg CO2e.
                </span>{' '}
                {d.reasons.join(' ')}
              </li>
            ))}
          </ul>
          {differing > differences.length ? (
            <p className="mt-1">
              The first {differences.length} are listed; each record's page shows the factors of the others.
            </p>
          ) : null}
        </details>
      ) : (
        <p>Every run is within 10 % of CodeCarbon's own figure.</p>
      )}
    </div>
  );
}

function ErrorTable({ errors, total, uploadId }: { errors: RowError[]; total: number; uploadId: string }) {
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold">
          Row errors {total > errors.length ? `(first ${errors.length} of ${total})` : `(${total})`}
        </h3>
        <a className="text-sm text-brand-700 underline" href={`/api/v1/uploads/${uploadId}/errors`} download>
          Download error report (CSV)
        </a>
      </div>
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Line</th>
            <th className="py-1 pr-3 font-medium">Column</th>
            <th className="py-1 font-medium">Message</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static preview/error rows, never reordered
            <tr key={`${e.line}-${i}`} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 tabular-nums">{e.line}</td>
              <td className="py-1 pr-3 font-mono">{e.column ?? '—'}</td>
              <td className="py-1">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
