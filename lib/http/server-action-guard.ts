/**
 * Next registers every `'use cache'` function as a server reference, and runs one for any
 * POST that names its id, as if it were a server action: with the caller's arguments, a
 * new cache entry each, and the answer sent back. Only real `'use server'` actions may be
 * called; proxy.ts refuses the rest, for everyone. The id's first byte says which it is
 * (Next's own encoding, read with Next's own function).
 */
import { extractInfoFromServerReferenceId } from "next/dist/shared/lib/server-reference-info";

const ACTION_ID_FIELD = "$ACTION_ID_";
const ACTION_REF_FIELD = "$ACTION_REF_";

function isCacheFunction(id: string): boolean {
  return extractInfoFromServerReferenceId(id).type === "use-cache";
}

/**
 * Whether a request would call a `'use cache'` function: by the Next-Action header (a
 * fetch from the browser), or by a form field naming it (a form posted without JavaScript,
 * as `$ACTION_ID_<id>` or a `$ACTION_REF_` descriptor `{"id":"<id>",…}`). A multipart body
 * that cannot be read here counts as one: Next's own parser might read it differently.
 */
export async function callsCacheFunction(request: Request): Promise<boolean> {
  if (request.method !== "POST") return false;
  const actionId = request.headers.get("next-action");
  if (actionId !== null) return isCacheFunction(actionId);
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return false;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return true;
  }
  for (const key of form.keys()) {
    if (key.startsWith(ACTION_ID_FIELD) && isCacheFunction(key.slice(ACTION_ID_FIELD.length))) return true;
    if (key.startsWith(ACTION_REF_FIELD)) {
      const descriptor = form.get(`$ACTION_${key.slice(ACTION_REF_FIELD.length)}:0`);
      const id = typeof descriptor === "string" ? /^\{"id":"([^"]*)"/.exec(descriptor)?.[1] : undefined;
      if (id !== undefined && isCacheFunction(id)) return true;
    }
  }
  return false;
}
