import { Markdown } from "@/components/ui/markdown";
import type { UpdateSections as Sections } from "@/lib/dal/updates/reads";
import { UPDATE_SECTIONS } from "@/lib/domain";

/** The Markdown sections of an update, the same wherever an update is shown. */
export function UpdateSections({ update, headingLevel = 2 }: { update: Sections; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-5">
      {UPDATE_SECTIONS.filter(([key]) => update[key].trim()).map(([key, label]) => (
        <section key={key} aria-label={label}>
          <Heading className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</Heading>
          <Markdown>{update[key]}</Markdown>
        </section>
      ))}
    </div>
  );
}
