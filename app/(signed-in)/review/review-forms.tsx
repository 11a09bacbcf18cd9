"use client";

import { ActionForm } from "@/components/ui/form";
import { sendRemindersAction } from "./actions";

export function SendRemindersButton({ count }: { count: number }) {
  return (
    <ActionForm
      action={sendRemindersAction}
      submitLabel={count > 0 ? `Send ${count} reminder${count === 1 ? "" : "s"}` : "Check again and send"}
      pendingLabel="Sending…"
    />
  );
}
