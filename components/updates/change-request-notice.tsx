"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { askForAnotherLookAction } from "@/app/(signed-in)/review/actions";
import { Button } from "@/components/ui/form";
import type { ChangeRequest } from "@/lib/dal/updates/review";

/**
 * A change request as the team's leads see it, at the top of their editor and team page:
 * what was asked, and the button that tells the release managers it has been addressed.
 */
export function ChangeRequestNotice({
  request,
  linkToEditor,
  onAsked,
}: {
  request: ChangeRequest;
  linkToEditor: boolean;
  onAsked?: () => void;
}) {
  const [asked, setAsked] = useState(request.anotherLookAsked);
  const [error, setError] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: () => askForAnotherLookAction({ updateId: request.updateId }),
    onSuccess: (result) => {
      setError(result.ok ? null : (result.fieldErrors.updateId?.[0] ?? result.message));
      if (result.ok) {
        setAsked(true);
        onAsked?.();
      }
    },
  });
  return (
    <section
      aria-label={`Changes requested on “${request.headline}”`}
      className="w-full space-y-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <p className="font-medium">
        Changes requested on{" "}
        {linkToEditor ? (
          <Link href={`/updates/${request.updateId}/edit`} className="underline">
            {request.headline}
          </Link>
        ) : (
          <>“{request.headline}”</>
        )}
      </p>
      {request.comments.map((comment, i) => (
        <blockquote key={i} className="whitespace-pre-wrap border-l-2 border-amber-500 pl-2">
          {comment}
        </blockquote>
      ))}
      <div role="status" className="flex flex-wrap items-center gap-2">
        {asked ? (
          <span>Another look asked: the release managers see that you replied.</span>
        ) : (
          <Button type="button" variant="secondary" disabled={ask.isPending} onClick={() => ask.mutate()}>
            Ask for another look at “{request.headline}”
          </Button>
        )}
        {error ? <span className="font-medium text-red-700 dark:text-red-400">{error}</span> : null}
      </div>
    </section>
  );
}
