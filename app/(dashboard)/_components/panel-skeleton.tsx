export function PanelSkeleton({ height = 'h-64', label }: { height?: string; label: string }) {
  return (
    <div
      role="status"
      aria-label={`Loading ${label}`}
      className={`${height} animate-pulse rounded-xl bg-slate-200/60 dark:bg-slate-800/60`}
    />
  );
}
