"use client";

import { ActionForm, Field } from "@/components/ui/form";
import { importSiteAction } from "./actions";

export function ImportForm() {
  return (
    <ActionForm action={importSiteAction} submitLabel="Import site" pendingLabel="Importing…">
      <Field
        name="file"
        label="Site document (.json, up to 10 MB)"
        type="file"
        hint="Only into a site without teams or cycles. Larger sites: npm run import."
        required
      />
    </ActionForm>
  );
}
