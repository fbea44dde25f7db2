import Link from 'next/link';
import { LifecycleChart } from '@/components/charts/lifecycle-chart';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { describeFamily } from '@/lib/dashboard/describe-family';
import type { TModelFamilyLifecycle } from '@/lib/dashboard/model-families';
import { phaseLabel } from '@/lib/format/labels';
import { formatTonnesCo2e } from '@/lib/format/quantities';

/** One model family: cumulative training / fine-tuning / inference, the overtake point, and its lineage tree. */
export function FamilyCard({ family: f }: { family: TModelFamilyLifecycle }) {
  return (
    <Card data-testid={`family-${f.family}`}>
      <CardHeader>
        <CardTitle>{`Family ${f.family}`}</CardTitle>
        <CardDescription>
          Training {formatTonnesCo2e(f.trainingKgCo2e)} · fine-tuning {formatTonnesCo2e(f.fineTuningKgCo2e)} ·
          inference {formatTonnesCo2e(f.inferenceKgCo2e)}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <p className="text-sm">{describeFamily(f)}</p>
        <LifecycleChart model={f.family} series={f.series} overtookOn={f.inferenceOvertookOn} />
        <ScrollRegion label={`Lineage of family ${f.family}`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{`Lineage of family ${f.family}`}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500">
                {[
                  'Model (lineage)',
                  'Base model',
                  'Training',
                  'Fine-tuning',
                  'Inference',
                  'Inference vs own training',
                ].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {f.members.map((m) => (
                <tr key={m.model} className="border-b border-slate-100" data-testid={`lifecycle-${m.model}`}>
                  <th
                    scope="row"
                    className="px-2 py-1.5 font-medium"
                    style={{ paddingLeft: `${0.5 + m.depth * 1.25}rem` }}
                  >
                    {m.depth > 0 ? '↳ ' : ''}
                    {m.model}
                  </th>
                  <td className="px-2 py-1.5">{m.baseModel ?? '—'}</td>
                  <td className="px-2 py-1.5 tabular-nums">{formatTonnesCo2e(m.trainingKgCo2e)}</td>
                  <td className="px-2 py-1.5 tabular-nums">{formatTonnesCo2e(m.fineTuningKgCo2e)}</td>
                  <td className="px-2 py-1.5 tabular-nums">{formatTonnesCo2e(m.inferenceKgCo2e)}</td>
                  <td className="px-2 py-1.5">
                    {m.inferenceOvertookOn
                      ? `Inference overtook training on ${m.inferenceOvertookOn}`
                      : m.trainingKgCo2e > 0
                        ? 'not yet'
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {f.runs.length > 0 ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
              {f.runs.length} training and fine-tuning runs
            </summary>
            <ul className="mt-2 flex flex-col gap-1">
              {f.runs.map((r) => (
                <li key={r.id}>
                  <Link
                    href={`/records/${r.id}`}
                    className="text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {r.day} · {phaseLabel(r.phase)}
                  </Link>{' '}
                  {formatTonnesCo2e(r.locationKgCo2e)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}
