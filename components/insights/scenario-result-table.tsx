import { formatChange } from '@/lib/format/approximate';
import { formatNumber } from '@/lib/format/quantities';
import type { TScenarioResult, TScenarioTotals } from '@/lib/insights/types';

const ROWS: { key: keyof TScenarioTotals; label: string; unit: string }[] = [
  { key: 'energyKwh', label: 'Energy (facility)', unit: 'kWh' },
  { key: 'locationKgCo2e', label: 'CO₂e location-based', unit: 'kg' },
  { key: 'marketKgCo2e', label: 'CO₂e market-based', unit: 'kg' },
  { key: 'embodiedKgCo2e', label: 'Embodied CO₂e', unit: 'kg' },
  { key: 'waterL', label: 'Water (on-site + off-site)', unit: 'L' },
  { key: 'electricityCost', label: 'Electricity cost', unit: '' },
];

const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(v))}`;
const pct = (delta: number, base: number) => (base !== 0 ? ` (${formatChange(delta / base)})` : '');

/** Baseline, scenario and delta side by side; deltas negative = saving. */
export function ScenarioResultTable({ result }: { result: TScenarioResult }) {
  return (
    <table className="w-full text-sm" data-testid="what-if-result">
      <caption className="sr-only">{`${result.title}: baseline, scenario and change`}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700">
          <th scope="col" className="py-1 pr-3 font-medium">
            Quantity
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            Now
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            Scenario
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            Change
          </th>
          {result.deltaRange ? (
            <th scope="col" className="py-1 text-right font-medium">
              Range
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {/* Cost only in the organisation's currency; with no price in it the row is left out (sources say why). */}
        {ROWS.filter((row) => row.unit || result.currency).map(({ key, label, unit }) => {
          const u = unit || result.currency;
          return (
            <tr key={key} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 pr-3 text-left font-normal">{`${label} (${u})`}</th>
              <td className="py-1 pr-3 text-right">{formatNumber(result.baseline[key])}</td>
              <td className="py-1 pr-3 text-right">{formatNumber(result.scenario[key])}</td>
              <td
                className={`py-1 pr-3 text-right ${result.delta[key] < 0 ? 'text-emerald-700 dark:text-emerald-400' : result.delta[key] > 0 ? 'text-red-700 dark:text-red-400' : ''}`}
              >
                {signed(result.delta[key])}
                {pct(result.delta[key], result.baseline[key])}
              </td>
              {result.deltaRange ? (
                <td className="py-1 text-right">
                  {`${signed(result.deltaRange.low[key])} … ${signed(result.deltaRange.high[key])}`}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Label, confidence, coverage, assumptions and sources of a scenario. */
export function ScenarioProvenance({ result }: { result: TScenarioResult }) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium dark:bg-slate-800">
          {result.label}
        </span>{' '}
        Confidence: <strong>{result.confidence}</strong>. Records changed: {result.affectedRecords}
        {result.unchanged.map((u) => `; ${u.records} unchanged (${u.reason})`).join('')}.
      </p>
      <details open>
        <summary className="cursor-pointer font-medium">Assumptions</summary>
        <ul className="ml-5 list-disc" data-testid="what-if-assumptions">
          {result.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">Sources</summary>
        <ul className="ml-5 list-disc">
          {result.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
