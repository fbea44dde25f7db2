import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatNumber } from '@/lib/format/quantities';
import { findModelTokenIntensity } from '@/lib/server/insights/find-model-token-intensity';
import { overviewRead, type TDashboardQuery } from './dashboard-query';

const NUM = { className: 'tabular-nums text-right' };
const orDash = (v: number | null) => (v === null ? '–' : formatNumber(v));

/**
 * Intensity per 1M tokens per model over the selected period (issue #21), next to the inference intensity chart:
 * AI services and self-hosted models with tokens; per 1M output tokens for AI services.
 */
export async function TokenIntensityPanel({ query }: { query: TDashboardQuery }) {
  const { ctx, filters, range } = query;
  const rows = await overviewRead(query, 'token-intensity', [filters, range], () =>
    findModelTokenIntensity(ctx, filters, range),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Intensity per 1M tokens by model</CardTitle>
        <CardDescription>
          Operational energy, CO₂e and water per million tokens over the selected period; AI services also per
          million output tokens (the tokens that use the energy).
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="token-intensity-empty">
            No model with tokens matches the filters. Upload an OpenAI, Anthropic, Amazon Bedrock, Azure
            OpenAI, Google Vertex AI or FOCUS usage export (Uploads), or inference records with tokens, to see
            intensity per 1M tokens.
          </p>
        ) : (
          <ScrollRegion label="Intensity per 1M tokens by model">
            <DataTable
              caption="Energy, CO₂e and water per 1M tokens by model"
              density="compact"
              columns={[
                'Model',
                'Service',
                { label: 'Tokens', ...NUM },
                { label: 'Wh / 1M tokens', ...NUM },
                { label: 'g CO₂e / 1M tokens (location)', ...NUM },
                { label: 'g CO₂e / 1M tokens (market)', ...NUM },
                { label: 'L water / 1M tokens', ...NUM },
                { label: 'Wh / 1M output tokens', ...NUM },
                { label: 'g CO₂e / 1M output tokens (location)', ...NUM },
              ]}
              rows={rows.map((r) => ({
                key: `${r.service ?? ''}/${r.model}`,
                cells: [
                  r.model,
                  r.service === null ? 'Self-hosted' : (r.serviceLabel ?? r.service),
                  formatNumber(r.tokens),
                  formatNumber(r.energyWhPer1mTokens),
                  formatNumber(r.locationGCo2ePer1mTokens),
                  formatNumber(r.marketGCo2ePer1mTokens),
                  formatNumber(r.waterLPer1mTokens),
                  orDash(r.energyWhPer1mOutputTokens),
                  orDash(r.locationGCo2ePer1mOutputTokens),
                ],
              }))}
            />
          </ScrollRegion>
        )}
      </CardContent>
    </Card>
  );
}
