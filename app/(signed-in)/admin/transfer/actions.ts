"use server";

import { refuse } from "@/lib/http/action-result";
import { describeDocumentErrors, importSite } from "@/lib/dal/site/transfer";
import { formAction } from "@/lib/http/server-action";
import { z } from "@/lib/validation/zod";

export const importSiteAction = formAction(
  z.object({ file: z.unknown() }),
  async ({ actor, input: { file } }) => {
    if (!(file instanceof File) || file.size === 0)
      return refuse("Choose the file to import", { file: ["Choose a file written by an export"] });
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return refuse("This file is not JSON", { file: ["This file is not JSON: choose a file written by an export"] });
    }
    try {
      const { rows, passwords } = await importSite({ actor, document });
      const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
      const issued = passwords.map((p) => `${p.email}: ${p.password}`).join("; ");
      return { message: `Imported ${total} rows from ${file.name}.${issued ? ` New passwords, shown only now: ${issued}` : ""}` };
    } catch (error) {
      if (error instanceof z.ZodError)
        return refuse("This file is not a Cycleboard site document", { file: describeDocumentErrors(error).slice(0, 10) });
      throw error;
    }
  },
  { fields: (_values, formData) => ({ file: formData.get("file") }) },
);
