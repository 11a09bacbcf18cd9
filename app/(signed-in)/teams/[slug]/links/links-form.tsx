"use client";

import { ActionForm, Field, SelectField } from "@/components/ui/form";
import { TEAM_LINK_KIND, TEAM_LINK_LABELS, type TeamLinkKind } from "@/lib/domain";
import { replaceTeamLinksAction } from "./actions";

const KIND_OPTIONS = TEAM_LINK_KIND.map((kind) => ({ value: kind, label: TEAM_LINK_LABELS[kind] }));
const BLANK_ROWS = 3;

export function TeamLinksForm({ teamSlug, links }: { teamSlug: string; links: { kind: TeamLinkKind; label: string; url: string }[] }) {
  const rows = [...links, ...Array.from({ length: BLANK_ROWS }, () => ({ kind: "other" as TeamLinkKind, label: "", url: "" }))];
  return (
    <ActionForm action={replaceTeamLinksAction} submitLabel="Save links">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Clear a row&apos;s label and address to remove it. Rows keep this order on the team page.
      </p>
      {rows.map((link, i) => (
        <fieldset key={i} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_2fr] dark:border-slate-700">
          <legend className="px-1 text-xs text-slate-600 dark:text-slate-400">Link {i + 1}</legend>
          <SelectField name={`kind-${i}`} label="Kind" options={KIND_OPTIONS} defaultValue={link.kind} />
          <Field name={`label-${i}`} label="Label" defaultValue={link.label} maxLength={80} />
          <Field name={`url-${i}`} label="Address" type="url" defaultValue={link.url} />
        </fieldset>
      ))}
    </ActionForm>
  );
}
