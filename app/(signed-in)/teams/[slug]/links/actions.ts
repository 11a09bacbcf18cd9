"use server";

import { refresh } from "next/cache";
import { replaceTeamLinks } from "@/lib/dal/teams/admin";
import type { FormValues } from "@/lib/http/action-result";
import { formAction } from "@/lib/http/server-action";
import { teamLinksSchema } from "@/lib/validation/team";

/** Rows arrive as kind-0/label-0/url-0, …; rows left entirely blank are dropped, keeping each row's form index. */
function linkRows(values: FormValues) {
  const rows: { formIndex: number; kind: string | undefined; label: string; url: string }[] = [];
  for (let i = 0; `kind-${i}` in values; i++) {
    const row = { formIndex: i, kind: values[`kind-${i}`], label: values[`label-${i}`] ?? "", url: values[`url-${i}`] ?? "" };
    if (row.label.trim() || row.url.trim()) rows.push(row);
  }
  return rows;
}

export const replaceTeamLinksAction = formAction(
  teamLinksSchema,
  ({ actor, input }) => {
    replaceTeamLinks({ actor, input });
    refresh();
    return { message: "Links saved." };
  },
  {
    fields: (values) => ({ teamSlug: values.teamSlug, links: linkRows(values).map(({ formIndex: _formIndex, ...link }) => link) }),
    // zod names row errors "links.2.url"; the form names that field "url-<its form index>".
    fieldName: (key, values) => {
      const match = /^links\.(\d+)\.(\w+)$/.exec(key);
      return match ? `${match[2]}-${linkRows(values)[Number(match[1])]?.formIndex}` : key;
    },
  },
);
