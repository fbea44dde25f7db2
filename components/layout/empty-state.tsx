import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-slate-300 bg-white px-6 dark:border-slate-700 dark:bg-slate-900 py-12 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="max-w-md text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}
