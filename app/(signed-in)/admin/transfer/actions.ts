"use server";

import { z } from "@/lib/validation/zod";
import { failure, formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { describeDocumentErrors, importSite } from "@/lib/dal/site-transfer";

// Server actions are public POST endpoints: importSite re-checks permission.

export async function importSiteAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return failure(values, "Choose the file to import", { file: ["Choose a file written by an export"] });
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch {
    return failure(values, "This file is not JSON", { file: ["This file is not JSON: choose a file written by an export"] });
  }
  try {
    const { rows, passwords } = await importSite({ actor: await getCurrentActor(), document });
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    const issued = passwords.map((p) => `${p.email}: ${p.password}`).join("; ");
    return { ok: true, message: `Imported ${total} rows from ${file.name}.${issued ? ` New passwords, shown only now: ${issued}` : ""}` };
  } catch (error) {
    if (error instanceof z.ZodError) {
      const problems = describeDocumentErrors(error);
      return failure(values, "This file is not a Cycleboard site document", { file: problems.slice(0, 10) });
    }
    return toActionFailure(error, values);
  }
}
