"use server";

import { refresh } from "next/cache";
import { setFollowing } from "@/lib/dal/notifications/follows";
import { markAllRead, markRead } from "@/lib/dal/notifications/inbox";
import { setEmailPreferences } from "@/lib/dal/notifications/preferences";
import { formAction, inputAction } from "@/lib/http/server-action";
import { emailPreferencesSchema, followSchema, markReadSchema } from "@/lib/validation/notifications";
import { z } from "@/lib/validation/zod";

export const markReadAction = formAction(markReadSchema, ({ actor, input }) => {
  markRead({ actor, input });
  refresh();
  return {};
});

export const markAllReadAction = formAction(z.object({}), ({ actor }) => {
  const { marked } = markAllRead({ actor });
  refresh();
  return { message: marked === 0 ? "Nothing was unread." : `Marked ${marked} read.` };
});

export const emailPreferencesAction = formAction(emailPreferencesSchema, ({ actor, input }) => {
  setEmailPreferences({ actor, input });
  return { message: "Email preferences saved." };
});

/** The Follow button on team and cycle pages (kept pages: the button asks and acts from the browser). */
export const followAction = inputAction(followSchema, ({ actor, input }) => setFollowing({ actor, input }));
