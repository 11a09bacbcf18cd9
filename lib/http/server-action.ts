/**
 * The one way to build a server action (nextjs/saas-starter's `validatedAction` is the
 * model). Server actions are public POST endpoints, so each one: resolves who is asking,
 * parses whatever arrived with the entity's schema, and hands both to the data layer,
 * which checks permission; what it throws becomes the one failure shape of
 * lib/http/action-result.ts. The action's own body keeps what is particular to it: the data
 * layer call, the `refresh()` beside a write, and the message.
 */
import "server-only";
import { getCurrentActor } from "@/lib/dal/identity/actor";
import type { Actor } from "@/lib/permissions";
import type { z } from "@/lib/validation/zod";
import { formValues, toActionFailure, type ActionFailure, type ActionResult, type FormValues } from "./action-result";

type Run<S extends z.ZodType, T extends object> = (args: {
  input: z.output<S>;
  actor: Actor;
  values: FormValues;
}) => T | ActionFailure | Promise<T | ActionFailure>;

async function perform<S extends z.ZodType, T extends object>(
  schema: S,
  raw: (actor: Actor) => unknown,
  run: Run<S, T>,
  values: FormValues,
): Promise<ActionResult<T>> {
  try {
    const actor = await getCurrentActor();
    const outcome = await run({ input: schema.parse(raw(actor)), actor, values });
    if ("ok" in outcome && outcome.ok === false) return { ...outcome, values };
    return { ...(outcome as T), ok: true };
  } catch (error) {
    // Rethrows what is not the data layer's (a bug, or Next's own redirect).
    return toActionFailure(error, values);
  }
}

interface FormOptions {
  /** What to parse, when it is not the form's text fields as they are (lists, checkboxes, choices that depend on the data). */
  fields?: (values: FormValues, formData: FormData, actor: Actor) => unknown;
  /** The form's name for a field the schema names otherwise ("links.2.url" → "url-2"). */
  fieldName?: (key: string, values: FormValues) => string;
  /** Fields never sent back to fill the form in again (passwords). */
  secret?: readonly string[];
}

/** An action for a form (`useActionState`): (previous answer, form data) → answer. */
export function formAction<S extends z.ZodType, T extends object>(schema: S, run: Run<S, T>, options: FormOptions = {}) {
  return async (_state: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const sent = formValues(formData);
    const values = Object.fromEntries(Object.entries(sent).filter(([name]) => !options.secret?.includes(name)));
    const result = await perform(schema, (actor) => (options.fields ? options.fields(sent, formData, actor) : sent), run, values);
    if (result.ok || !options.fieldName) return result;
    const rename = options.fieldName;
    return {
      ...result,
      fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([key, messages]) => [rename(key, sent), messages])),
    };
  };
}

/** An action a client component calls with one value (an editor's state), answering in the same shape. */
export function inputAction<S extends z.ZodType, T extends object>(
  schema: S,
  run: (args: { input: z.output<S>; actor: Actor }) => T | ActionFailure | Promise<T | ActionFailure>,
) {
  return async (input: unknown): Promise<ActionResult<T>> => perform(schema, () => input, run, {});
}
