import { SwitchModelPanel } from '@/components/insights/switch-model-panel';
import { Card, CardContent } from '@/components/ui/card';
import { getOrganization } from '@/lib/server/access/organizations';
import { getSwitchModelOptions } from '@/lib/server/insights/switch-model';
import { runSwitchModelAction } from './switch-model-actions';

/** The "switch model" what-if for the AI usage matching the filters (server component: loads the choices). */
export async function SwitchModelCard({ ctx, query }: { ctx: { orgId: string }; query: string }) {
  const [options, org] = await Promise.all([getSwitchModelOptions(ctx), getOrganization(ctx)]);
  return (
    <Card>
      <CardContent className="flex flex-col gap-2 pt-6">
        <SwitchModelPanel
          query={query}
          currency={org?.currency ?? 'EUR'}
          action={runSwitchModelAction}
          {...options}
        />
      </CardContent>
    </Card>
  );
}
