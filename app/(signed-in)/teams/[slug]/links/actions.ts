"use server";

import { refresh } from "next/cache";
import { formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { replaceTeamLinks } from "@/lib/dal/team-admin";
import { teamLinksSchema } from "@/lib/validation/team";

/** Rows arrive as kind-0/label-0/url-0, …; rows left entirely blank are dropped, keeping each row's form index. */
function linkRows(values: Record<string, string>) {
  const rows: { formIndex: number; kind: string | undefined; label: string; url: string }[] = [];
  for (let i = 0; `kind-${i}` in values; i++) {
    const row = { formIndex: i, kind: values[`kind-${i}`], label: values[`label-${i}`] ?? "", url: values[`url-${i}`] ?? "" };
    if (row.label.trim() || row.url.trim()) rows.push(row);
  }
  return rows;
}

export async function replaceTeamLinksAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  const rows = linkRows(values);
  try {
    const links = rows.map(({ formIndex: _formIndex, ...link }) => link);
    replaceTeamLinks({ actor: await getCurrentActor(), input: teamLinksSchema.parse({ teamSlug: values.teamSlug, links }) });
    refresh();
    return { ok: true, message: "Links saved." };
  } catch (error) {
    const failure = toActionFailure(error, values);
    // zod names row errors "links.2.url"; the form names that field "url-<its form index>".
    if (!failure.ok) {
      failure.fieldErrors = Object.fromEntries(
        Object.entries(failure.fieldErrors).map(([key, messages]) => {
          const match = /^links\.(\d+)\.(\w+)$/.exec(key);
          return [match ? `${match[2]}-${rows[Number(match[1])]?.formIndex}` : key, messages];
        }),
      );
    }
    return failure;
  }
}
