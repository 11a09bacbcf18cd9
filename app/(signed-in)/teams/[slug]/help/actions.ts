"use server";

import { refresh } from "next/cache";
import { assignHelpRequest, closeHelpRequest, openHelpRequest } from "@/lib/dal/help-requests/editor";
import { moveHelpRequest } from "@/lib/dal/help-requests/moves";
import { formAction } from "@/lib/http/server-action";
import {
  assignHelpRequestSchema,
  closeHelpRequestSchema,
  moveHelpRequestSchema,
  openHelpRequestSchema,
} from "@/lib/validation/help-requests";

export const openHelpRequestAction = formAction(openHelpRequestSchema, ({ actor, input }) => {
  openHelpRequest({ actor, input });
  refresh();
  return { message: "Help request opened: it is on the help wanted page now." };
});

export const assignHelpRequestAction = formAction(assignHelpRequestSchema, ({ actor, input }) => {
  assignHelpRequest({ actor, input });
  refresh();
  return { message: "Marked as taken." };
});

export const closeHelpRequestAction = formAction(closeHelpRequestSchema, ({ actor, input }) => {
  closeHelpRequest({ actor, input });
  refresh();
  return {};
});

export const moveHelpRequestAction = formAction(moveHelpRequestSchema, ({ actor, input }) => {
  moveHelpRequest({ actor, input });
  refresh();
  return { message: "Moved: it is listed in that cycle now." };
});
