/** Placeholder while a dashboard section streams in. */
export function LoadingBlock({ label }: { label: string }) {
  return (
    <div role="status" className="animate-pulse space-y-4" aria-label={label}>
      <div className="h-8 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-36 rounded-xl bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
    </div>
  );
}
