import { connection } from "next/server";
import { formatTimestamp } from "@/lib/dates";
import { HEALTH_LABELS, UPDATE_SECTIONS, type Health } from "@/lib/domain";
import type { PublicSnapshot, UpdatePage } from "@/lib/dal/updates/reads";
import { pageWordDiffer } from "@/lib/word-diff";
import { FieldDiff } from "./field-diff";

const FIELDS = [["headline", "Headline"], ["health", "Health"], ...UPDATE_SECTIONS, ["links", "Links"]] as const;

function text(snapshot: PublicSnapshot, field: (typeof FIELDS)[number][0]): string {
  if (field === "links") return snapshot.links.map((l) => `${l.label} (${l.url})`).join("\n");
  if (field === "health") return HEALTH_LABELS[snapshot.health as Health] ?? String(snapshot.health);
  return String(snapshot[field] ?? "");
}

/** Every edit of a published update, newest first, each shown as a word diff of what it changed. */
export async function RevisionHistory({ update }: { update: UpdatePage }) {
  // The diff library reads the clock (for its timeout), which a prerender may not: render per request.
  await connection();
  if (update.revisions.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Not edited since it was published.</p>;
  const current: PublicSnapshot = { ...update, links: update.links };
  const diff = pageWordDiffer();
  return (
    <ol className="space-y-3">
      {update.revisions.map((revision, i) => {
        const after = i === 0 ? current : update.revisions[i - 1]!.snapshot;
        const changed = FIELDS.filter(([field]) => text(revision.snapshot, field) !== text(after, field));
        return (
          <li key={revision.version}>
            <details>
              <summary className="cursor-pointer text-sm">
                Version {revision.version + 1}: edited {formatTimestamp(revision.createdAt)}
                {revision.editor ? ` by ${revision.editor}` : ""} —{" "}
                {changed.length > 0 ? changed.map(([, label]) => label).join(", ") : "numbers only"}
              </summary>
              <div className="mt-2 space-y-3">
                {changed.map(([field, label]) => {
                  const before = text(revision.snapshot, field);
                  const now = text(after, field);
                  return (
                    <div key={field}>
                      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</h3>
                      <FieldDiff before={before} after={now} diff={diff(before, now)} />
                    </div>
                  );
                })}
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
