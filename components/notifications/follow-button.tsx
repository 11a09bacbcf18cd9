"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { followAction } from "@/app/(signed-in)/inbox/actions";
import { Button } from "@/components/ui/form";
import { followQuery, type FollowSubject } from "@/lib/query/follows";
import { sessionQuery } from "@/lib/query/session";

/**
 * Follow or unfollow a team or a cycle, for anyone signed in. The page around it is kept
 * for everyone, so the button asks the browser's session query whether to show itself.
 */
export function FollowButton({ subject, slug, name }: { subject: FollowSubject; slug: string; name: string }) {
  const { data: session } = useQuery(sessionQuery.options());
  const signedIn = session?.signedIn === true;
  const { data } = useQuery({ ...followQuery.options(subject, slug), enabled: signedIn });
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!signedIn || !data) return null;

  async function toggle() {
    setPending(true);
    const result = await followAction({ subject, slug, following: !data!.following });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    queryClient.setQueryData(followQuery.key(subject, slug), { following: result.following });
  }

  return (
    <div className="flex items-center gap-2">
      <Button type="button" variant="secondary" onClick={() => void toggle()} disabled={pending} aria-pressed={data.following}>
        {data.following ? `Following ${name}` : `Follow ${name}`}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
