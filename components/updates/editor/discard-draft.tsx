"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/form";

/** "Discard draft", asking first in a modal dialog (keyboard-trapped, Escape keeps the draft). */
export function DiscardDraftButton({ disabled, onDiscard }: { disabled: boolean; onDiscard: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button type="button" variant="danger" disabled={disabled} onClick={() => dialog.current?.showModal()}>
        Discard draft
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="discard-draft-heading"
        aria-describedby="discard-draft-text"
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 text-slate-900 backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id="discard-draft-heading" className="text-lg font-semibold">
          Discard this draft?
        </h2>
        <p id="discard-draft-text" className="mt-2 text-sm">
          Everything in it is deleted for everyone, and this cannot be undone.
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Keep the draft
          </Button>
          <Button
            type="button"
            variant="danger"
            onClick={() => {
              dialog.current?.close();
              onDiscard();
            }}
          >
            Yes, discard it
          </Button>
        </div>
      </dialog>
    </>
  );
}
