"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { setUpdateAsOfAction } from "@/app/(signed-in)/updates/actions";
import { ActionForm, Field } from "@/components/ui/form";
import { useBrowserToday } from "@/components/ui/use-today";
import { sessionQuery } from "@/lib/query/session";
import { sessionCan } from "@/lib/session-info";

/** "Edit" for the team's leads and admins; the editor itself refuses everyone else. */
export function UpdateActions({ updateId, teamSlug }: { updateId: number; teamSlug: string }) {
  const { data } = useQuery(sessionQuery.options());
  if (!sessionCan(data, "update.write", teamSlug)) return null;
  return (
    <Link
      href={`/updates/${updateId}/edit`}
      className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      Edit
    </Link>
  );
}

/**
 * "Date this update" for those who may date the team's history (release managers, its
 * leads, admins): the day a published update reports on, when it was entered later.
 */
export function UpdateDating({ updateId, teamSlug, asOf }: { updateId: number; teamSlug: string; asOf: string }) {
  const { data } = useQuery(sessionQuery.options());
  const today = useBrowserToday();
  if (!sessionCan(data, "history.backdate", teamSlug)) return null;
  return (
    <details className="mt-2 text-sm print:hidden">
      <summary className="cursor-pointer">Date this update</summary>
      <ActionForm
        action={setUpdateAsOfAction}
        submitLabel="Save the date"
        variant="secondary"
        className="mt-2 flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="id" value={updateId} />
        <Field
          name="asOf"
          label="As of"
          type="date"
          defaultValue={asOf}
          max={today}
          hint="The day it reports on, when it was entered later."
        />
      </ActionForm>
    </details>
  );
}
