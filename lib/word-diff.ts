/**
 * Word diffs for the revision history, bounded. Myers' algorithm takes time in the
 * product of the texts' length and how much changed: two unrelated 20,000-character texts
 * took 56 s. Each diff gives up past a number of changed words, and one page diffs at
 * most so many characters in all; what is not compared is shown as its two versions.
 */
import { diffWords, type ChangeObject } from "diff";

export const DIFF_LIMITS = {
  /** Words and spaces added or removed before one diff gives up. */
  editLength: 250,
  /** Characters (before and after together) that one page diffs. */
  pageCharacters: 100_000,
} as const;

export type WordDiff = ChangeObject<string>[] | null;

/** A differ for one page: null when the two texts are too different, or the page has diffed its share. */
export function pageWordDiffer(): (before: string, after: string) => WordDiff {
  let characters: number = DIFF_LIMITS.pageCharacters;
  return (before, after) => {
    const size = before.length + after.length;
    if (size > characters) return null;
    characters -= size;
    return diffWords(before, after, { maxEditLength: DIFF_LIMITS.editLength }) ?? null;
  };
}
