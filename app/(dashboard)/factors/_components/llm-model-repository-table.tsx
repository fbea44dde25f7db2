import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ECOLOGITS_PROVIDER_LABELS } from '@/lib/emissions/ai-services/list-llm-models';
import type { TValueRange } from '@/lib/emissions/ai-services/value-range';
import { formatNumber } from '@/lib/format/quantities';
import { findLlmModelPage } from '@/lib/server/factors/llm-model-listing';
import { DataTable } from './data-table';

const billions = (r: TValueRange) =>
  r.min === r.max ? formatNumber(r.min) : `${formatNumber(r.min)}–${formatNumber(r.max)}`;

/**
 * The LLM model repository the AI-services estimate reads (issue #21): its EcoLogits version and licence, and its
 * models (provider, parameters active/total in billions, size published or estimated), searched and paged by
 * the page's query (`model`, `modelPage`) so that it works without script and by keyboard.
 */
export function LlmModelRepositoryTable({ query, page }: { query: string | null; page: number }) {
  const listing = findLlmModelPage(query, page);
  const href = (to: number) =>
    `/factors?${new URLSearchParams({ ...(query ? { model: query } : {}), modelPage: String(to) })}#model-repository`;
  return (
    <section id="model-repository" aria-labelledby="model-repository-title" className="flex flex-col gap-3">
      <h2 id="model-repository-title" className="text-lg font-semibold">
        AI model repository
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="model-repository-about">
        EcoLogits {listing.ecologitsVersion}, {formatNumber(listing.total)} models. Licence: Mozilla Public
        License 2.0 (MPL-2.0), shipped unchanged with{' '}
        <Link href="/factors/sources/ecologits-licence" className="text-brand-700 underline">
          its licence text
        </Link>{' '}
        (credits on the{' '}
        <Link href="/factors/sources" className="text-brand-700 underline">
          data attributions page
        </Link>
        ). Parameters are in billions; a closed model’s size is an estimate and its records are flagged.
      </p>
      <search>
        <form method="get" action="/factors#model-repository" className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-56 flex-col gap-1.5">
            <Label htmlFor="model-search">Search models by name or provider</Label>
            <Input
              id="model-search"
              name="model"
              defaultValue={query ?? ''}
              placeholder="gpt-4o, claude, Mistral"
            />
          </div>
          <Button type="submit" variant="secondary">
            Find models
          </Button>
          {query ? (
            <Link href="/factors#model-repository" className="text-sm text-brand-700 underline">
              Clear
            </Link>
          ) : null}
        </form>
      </search>
      <DataTable
        title="Models of the repository"
        description={`${formatNumber(listing.matching)} ${listing.matching === 1 ? 'model' : 'models'}${query ? ` matching “${query}”` : ''}, page ${listing.page} of ${listing.pages}.`}
        columns={['Model', 'Provider', 'Active parameters (B)', 'Total parameters (B)', 'Size']}
        rows={listing.models.map((m) => ({
          key: `${m.provider}/${m.name}`,
          cells: [
            m.name,
            ECOLOGITS_PROVIDER_LABELS[m.provider],
            billions(m.activeParamsB),
            billions(m.totalParamsB),
            m.sizeEstimated ? 'Estimated' : 'Published',
          ],
        }))}
        empty="No model matches: an unknown model can be mapped to a model of N billion parameters."
      />
      {listing.pages > 1 ? (
        <nav aria-label="Model repository pages" className="flex items-center gap-3 text-sm">
          {listing.page > 1 ? (
            <Link href={href(listing.page - 1)} className="text-brand-700 underline">
              Previous models
            </Link>
          ) : null}
          <span>
            Page {listing.page} of {listing.pages}
          </span>
          {listing.page < listing.pages ? (
            <Link href={href(listing.page + 1)} className="text-brand-700 underline">
              Next models
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
