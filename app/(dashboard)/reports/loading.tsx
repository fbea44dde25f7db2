import { PanelSkeleton } from '../_components/panel-skeleton';

/** Streaming fallback while the report (all sections and comparatives) is aggregated on the server. */
export default function ReportsLoading() {
  return (
    <div className="flex flex-col gap-6">
      <PanelSkeleton height="h-24" label="report headline" />
      <PanelSkeleton height="h-[480px]" label="report sections" />
    </div>
  );
}
