"use client";

import { ActionForm, Field } from "@/components/ui/form";
import { markReviewedAction, requestChangesAction, sendRemindersAction } from "./actions";

export function MarkReviewedButton({ updateId, label }: { updateId: number; label: string }) {
  return (
    <ActionForm action={markReviewedAction} submitLabel={label} pendingLabel="Saving…" className="inline-flex items-center gap-2">
      <input type="hidden" name="updateId" value={updateId} />
    </ActionForm>
  );
}

export function RequestChangesForm({ updateId, teamName }: { updateId: number; teamName: string }) {
  return (
    <ActionForm action={requestChangesAction} submitLabel={`Request changes from ${teamName}`} variant="secondary">
      <input type="hidden" name="updateId" value={updateId} />
      <Field
        name="body"
        label="What should change"
        multiline
        hint="The team's leads see this on the update, in their editor and on their team page."
      />
    </ActionForm>
  );
}

export function SendRemindersButton({ count }: { count: number }) {
  return (
    <ActionForm
      action={sendRemindersAction}
      submitLabel={count > 0 ? `Send ${count} reminder${count === 1 ? "" : "s"}` : "Check again and send"}
      pendingLabel="Sending…"
    />
  );
}
