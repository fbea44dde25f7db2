'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { TActionState } from '@/lib/action-state';
import { formatMoney } from '@/lib/format/money';
import { PROVIDER_LABELS } from '@/lib/format/provider-label';
import { formatNumber } from '@/lib/format/quantities';
import type { TSwitchModelResult } from '@/lib/insights/switch-model';
import { type TSwitchModelInput, ZSwitchModelInput } from '@/lib/schemas/switch-model';
import { PROVIDERS } from '@/lib/schemas/usage-record';
import { ScenarioErrors, ScenarioTitle } from './scenario-errors';
import { PriceField, RegionField, SelectField } from './scenario-fields';
import { ScenarioProvenance, ScenarioResultTable } from './scenario-result-table';
import { useScenarioAction } from './use-scenario-action';

export interface TSwitchModelPanelProps {
  /** Dashboard filters (query string) selecting the period and slices. */
  query: string;
  currency: string;
  usages: {
    service: string;
    serviceLabel: string;
    model: string;
    outputTokens: number;
    targets: { name: string; large: boolean }[];
  }[];
  openModels: string[];
  places: { provider: string; region: string }[];
  accelerators: { id: string; name: string }[];
  action: (input: TSwitchModelInput) => Promise<TActionState<TSwitchModelResult & { records: number }>>;
}

/** Cost before and after, or why it was not estimated (token prices are never guessed). */
function CostSummary({ result, currency }: { result: TSwitchModelResult; currency: string }) {
  const money = (v: number | null) => (v === null ? 'not estimated' : formatMoney(v, currency));
  return (
    <div className="text-sm" data-testid="switch-model-cost">
      <p className="tabular-nums">
        {`Cost now: ${money(result.cost.current)} · after: ${money(result.cost.target)}`}
        {result.cost.delta !== null
          ? ` · change: ${result.cost.delta > 0 ? '+' : result.cost.delta < 0 ? '−' : ''}${formatMoney(Math.abs(result.cost.delta), currency)}`
          : ''}
      </p>
      <ul className="ml-5 list-disc text-slate-600 dark:text-slate-400">
        {result.cost.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What-if "switch model" (issue #21): the chosen AI usage re-estimated on another model of its provider or on a
 * self-hosted open model; computed on the server, shown with the range, cost and assumptions.
 */
export function SwitchModelPanel({
  query,
  currency,
  usages,
  openModels,
  places,
  accelerators,
  action,
}: TSwitchModelPanelProps) {
  const id = useId();
  const [usageKey, setUsageKey] = useState(usages[0] ? `${usages[0].service}|${usages[0].model}` : '');
  const usage = usages.find((u) => `${u.service}|${u.model}` === usageKey);
  const [kind, setKind] = useState<'model' | 'self-host'>('model');
  const [targetModel, setTargetModel] = useState('');
  const [inputPrice, setInputPrice] = useState('');
  const [outputPrice, setOutputPrice] = useState('');
  const [openModel, setOpenModel] = useState(openModels[0] ?? '');
  const [accelerator, setAccelerator] = useState(accelerators[0]?.name ?? '');
  const [provider, setProvider] = useState(places[0]?.provider ?? 'aws');
  const [region, setRegion] = useState(places[0]?.region ?? '');
  const [gpuHourPrice, setGpuHourPrice] = useState('');
  const [electricityPrice, setElectricityPrice] = useState('');
  const { errors, result, pending, ready, run } = useScenarioAction(ZSwitchModelInput, action);

  if (usages.length === 0) {
    return (
      <section
        aria-labelledby={`${id}-title`}
        className="flex flex-col gap-2"
        data-testid="switch-model-panel"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold">
          What if you switched AI model?
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Upload an OpenAI, Anthropic, Amazon Bedrock, Azure OpenAI, Google Vertex AI or FOCUS usage export
          (Uploads) to compare your AI usage with a smaller model or with self-hosting an open model.
        </p>
      </section>
    );
  }

  const chosenTarget = targetModel || usage?.targets[0]?.name || '';
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const [service = '', model = ''] = usageKey.split('|');
    const target =
      kind === 'model'
        ? { kind, model: chosenTarget, inputPricePer1m: inputPrice, outputPricePer1m: outputPrice }
        : { kind, model: openModel, accelerator, provider, region, gpuHourPrice };
    run({ service, model, query, target, electricityPricePerKwh: electricityPrice });
  };

  const regionsForProvider = places.filter((p) => p.provider === provider).map((p) => p.region);
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-4" data-testid="switch-model-panel">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        What if you switched AI model?
      </h2>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate>
        <SelectField
          id={`${id}-usage`}
          label="AI usage"
          value={usageKey}
          onChange={(v) => {
            setUsageKey(v);
            setTargetModel('');
          }}
          options={usages.map((u) => ({
            value: `${u.service}|${u.model}`,
            label: `${u.model} · ${u.serviceLabel} (${formatNumber(u.outputTokens)} output tokens)`,
          }))}
        />
        <SelectField
          id={`${id}-kind`}
          label="Switch to"
          value={kind}
          onChange={(v) => setKind(v as 'model' | 'self-host')}
          options={[
            { value: 'model', label: 'Another model of the same provider' },
            { value: 'self-host', label: 'Self-hosting an open model' },
          ]}
        />
        {kind === 'model' ? (
          <>
            <SelectField
              id={`${id}-target`}
              label="Target model"
              value={chosenTarget}
              onChange={setTargetModel}
              options={(usage?.targets ?? []).map((t) => ({
                value: t.name,
                label: t.large ? `${t.name} (large)` : t.name,
              }))}
            />
            <PriceField
              id={`${id}-in-price`}
              label={`Target price per 1M input tokens in ${currency} (optional)`}
              value={inputPrice}
              onChange={setInputPrice}
              placeholder="not estimated when empty"
            />
            <PriceField
              id={`${id}-out-price`}
              label={`Target price per 1M output tokens in ${currency} (optional)`}
              value={outputPrice}
              onChange={setOutputPrice}
              placeholder="not estimated when empty"
            />
          </>
        ) : (
          <>
            <SelectField
              id={`${id}-open`}
              label="Open model"
              value={openModel}
              onChange={setOpenModel}
              options={openModels.map((m) => ({ value: m, label: m }))}
            />
            <SelectField
              id={`${id}-accelerator`}
              label="Accelerator"
              value={accelerator}
              onChange={setAccelerator}
              options={accelerators.map((a) => ({ value: a.name, label: a.name }))}
            />
            <SelectField
              id={`${id}-provider`}
              label="Runs at"
              value={provider}
              onChange={setProvider}
              options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))}
            />
            <RegionField
              id={`${id}-region`}
              label="Region or site code"
              value={region}
              onChange={setRegion}
              regions={regionsForProvider}
            />
            <PriceField
              id={`${id}-gpu-price`}
              label={`Accelerator-hour price in ${currency} (optional)`}
              value={gpuHourPrice}
              onChange={setGpuHourPrice}
              placeholder="electricity only when empty"
            />
            <PriceField
              id={`${id}-kwh-price`}
              label={`Electricity price per kWh in ${currency} (optional)`}
              value={electricityPrice}
              onChange={setElectricityPrice}
              placeholder="organisation setting when empty"
            />
          </>
        )}
        <div className="flex items-end">
          <Button type="submit" disabled={pending || !ready}>
            {pending ? 'Computing…' : 'Compare'}
          </Button>
        </div>
      </form>
      <ScenarioErrors errors={errors} />
      <div aria-live="polite">
        {result ? (
          <div className="flex flex-col gap-3">
            <ScenarioTitle title={result.title} records={result.records} />
            {result.selfHost ? (
              <p className="text-sm">{`${result.selfHost.gpuCount} accelerators to hold the weights; ${formatNumber(result.selfHost.acceleratorHours)} accelerator-hours for these tokens.`}</p>
            ) : null}
            {/* Costs are shown below (token prices, stored cost), not as an electricity-cost row. */}
            <ScrollRegion label="Switch model: now, after and change">
              <ScenarioResultTable result={{ ...result, currency: null }} />
            </ScrollRegion>
            <CostSummary result={result} currency={currency} />
            <ScenarioProvenance result={result} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
