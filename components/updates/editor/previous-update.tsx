import Link from "next/link";
import type { PreviousUpdate } from "@/lib/dal/updates/editor";
import { formatTimestamp } from "@/lib/dates";
import { UPDATE_SECTIONS, type UpdateSectionKey } from "@/lib/domain";
import { Markdown } from "@/components/ui/markdown";
import { HealthBadge } from "../health-badge";

function SectionText({ text }: { text: string }) {
  return text.trim() ? (
    <Markdown className="prose-update text-xs">{text}</Markdown>
  ) : (
    <p className="text-xs italic text-slate-600 dark:text-slate-400">Empty last time.</p>
  );
}

/** Which update the text beside each section comes from; on phones, the whole of it, folded. */
export function PreviousUpdateHeader({ previous }: { previous: PreviousUpdate | null }) {
  if (!previous)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This is the team&apos;s first update: there is no earlier one to compare with.
      </p>
    );
  const title = (
    <>
      The last update, {previous.cycleName} ({formatTimestamp(previous.publishedAt)}): {previous.headline}
    </>
  );
  return (
    <>
      <p className="hidden text-sm text-slate-700 lg:block dark:text-slate-300">
        Beside each section: what{" "}
        <Link href={`/updates/${previous.id}`} className="underline">
          the last update
        </Link>{" "}
        said ({previous.cycleName}, {formatTimestamp(previous.publishedAt)}, <HealthBadge health={previous.health} />
        ).
      </p>
      <details className="rounded-lg border border-slate-200 p-3 lg:hidden dark:border-slate-700">
        <summary className="cursor-pointer text-sm font-medium">{title}</summary>
        <dl className="mt-3 space-y-3">
          {UPDATE_SECTIONS.map(([key, label]) => (
            <div key={key}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</dt>
              <dd>
                <SectionText text={previous.sections[key]} />
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}

/** One section of the last update, beside the same section of the editor on wide screens. */
export function PreviousSection({ previous, section, label }: { previous: PreviousUpdate; section: UpdateSectionKey; label: string }) {
  return (
    <div
      role="note"
      aria-label={`${label} in the last update`}
      className="hidden rounded-md border border-dashed border-slate-300 bg-slate-50 p-2 lg:block dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">
        {label} in {previous.cycleName}
      </p>
      <SectionText text={previous.sections[section]} />
    </div>
  );
}
