import type { WordDiff } from "@/lib/word-diff";

const VERSION_TEXT = "whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-sm dark:bg-slate-800";

/** One field's word diff; both versions in full when it was too large to compare. */
export function FieldDiff({ before, after, diff }: { before: string; after: string; diff: WordDiff }) {
  if (!diff) {
    return (
      <div className="space-y-1 text-sm">
        <p className="text-slate-600 dark:text-slate-400">Too large to compare. Both versions:</p>
        <p className="font-medium">Before</p>
        <p className={VERSION_TEXT}>{before}</p>
        <p className="font-medium">After</p>
        <p className={VERSION_TEXT}>{after}</p>
      </div>
    );
  }
  return (
    <p className={VERSION_TEXT}>
      {diff.map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}
