import { type TWhatIfPanelProps, WhatIfPanel } from '@/components/insights/what-if-panel';
import { Card, CardContent } from '@/components/ui/card';
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
  const options = await getWhatIfOptions(ctx);
  return (
    <Card>
      <CardContent className="flex flex-col gap-2 pt-6">
        <p className="text-sm text-slate-500">{description}</p>
        <WhatIfPanel target={target} action={runWhatIfAction} defaultPlace={defaultPlace} {...options} />
      </CardContent>
    </Card>
  );
}
