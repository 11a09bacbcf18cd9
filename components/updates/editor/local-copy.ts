/**
 * What the editor keeps in the browser until the server has it, so a reload, a crash or a
 * lost connection never loses what was typed. One entry per draft (team, cycle and update),
 * removed as soon as the server holds the same text.
 */
export interface LocalCopy<F> {
  form: F;
  /** The version the text was typed over: if the server has moved on, saving it is a conflict to resolve. */
  version: number;
  keptAt: number;
}

export function localCopyKey({ team, cycle, id }: { team: string; cycle: string; id: number }): string {
  return `cycleboard:update:${team}:${cycle}:${id}`;
}

/** The kept copy, if there is one shaped like `current` (an older editor's copy is ignored). */
export function readLocalCopy<F extends object>(key: string, current: F): LocalCopy<F> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const copy = JSON.parse(raw) as Partial<LocalCopy<Record<string, unknown>>>;
    const form = copy.form;
    if (typeof copy.version !== "number" || !form || typeof form !== "object") return null;
    const sameShape = Object.entries(current).every(
      ([field, value]) => typeof form[field] === typeof value && Array.isArray(form[field]) === Array.isArray(value),
    );
    return sameShape ? (copy as LocalCopy<F>) : null;
  } catch {
    return null;
  }
}

/** Keeps the copy, or forgets it with null. Storage may be full or switched off: the server save still runs. */
export function keepLocalCopy<F>(key: string, copy: LocalCopy<F> | null): void {
  try {
    if (copy) window.localStorage.setItem(key, JSON.stringify(copy));
    else window.localStorage.removeItem(key);
  } catch {
    // Nothing more to do: the status line still says whether the server has it.
  }
}
