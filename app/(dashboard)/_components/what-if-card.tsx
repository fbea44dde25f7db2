import { type TWhatIfPanelProps, WhatIfPanel } from '@/components/insights/what-if-panel';
import { Card, CardContent } from '@/components/ui/card';
import { resolveElectricityPrice } from '@/lib/insights/electricity-price';
import { getOrganization } from '@/lib/server/access/organizations';
import { getWhatIfOptions } from '@/lib/server/insights/what-if-options';
import { runWhatIfAction } from './what-if-actions';

/** The what-if panel for a record or a filtered set (server component: loads the choices, passes the action). */
export async function WhatIfCard({
  ctx,
  target,
  description,
  defaultPlace,
}: {
  ctx: { orgId: string };
  target: TWhatIfPanelProps['target'];
  description: string;
  defaultPlace?: TWhatIfPanelProps['defaultPlace'];
}) {
  const [options, org] = await Promise.all([getWhatIfOptions(ctx), getOrganization(ctx)]);
  const currency = org?.currency ?? 'EUR';
  const price = resolveElectricityPrice({
    entered: undefined,
    organisationPrice: org?.electricityPricePerKwh ?? null,
    currency,
  });
  const priceHint =
    price.source === 'none'
      ? 'none set (no cost shown)'
      : `${price.source === 'default' ? 'default (EIA 2023)' : 'organisation'}: ${price.pricePerKwh} ${currency}`;
  return (
    <Card>
      <CardContent className="flex flex-col gap-2 pt-6">
        <p className="text-sm text-slate-500">{description}</p>
        <WhatIfPanel
          target={target}
          action={runWhatIfAction}
          defaultPlace={defaultPlace}
          currency={currency}
          priceHint={priceHint}
          {...options}
        />
      </CardContent>
    </Card>
  );
}
