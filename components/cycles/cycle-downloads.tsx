import { CSV_PART_LABELS, CSV_PARTS } from "@/lib/formats/cycle-export-csv";

/** Links to the cycle's data as JSON and as one CSV per table, for spreadsheets and scripts. */
export function CycleDownloads({ slug, className = "" }: { slug: string; className?: string }) {
  const base = `/cycles/${encodeURIComponent(slug)}`;
  return (
    <p className={`flex flex-wrap gap-x-3 gap-y-1 text-sm ${className}`}>
      <span className="text-slate-600 dark:text-slate-400">Download the cycle&apos;s data:</span>
      <a href={`${base}/export.json`} className="text-accent-700 underline dark:text-indigo-300">
        All as JSON
      </a>
      {CSV_PARTS.map((part) => (
        <a key={part} href={`${base}/export.csv?part=${part}`} className="text-accent-700 underline dark:text-indigo-300">
          {CSV_PART_LABELS[part]} (CSV)
        </a>
      ))}
    </p>
  );
}
