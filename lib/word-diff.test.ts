import { describe, expect, it } from "vitest";
import { unrelatedWords } from "@/e2e/support/freeze-payloads";
import { processorMs } from "./testing/processor-time";
import { DIFF_LIMITS, pageWordDiffer } from "./word-diff";

describe("revision word diffs", () => {
  it("marks the words an edit changed", () => {
    const diff = pageWordDiffer()("Kernel 6.6 is planned", "Kernel 6.6 is merged");
    expect(diff?.filter((part) => part.added || part.removed).map((part) => part.value)).toEqual(["planned", "merged"]);
  });

  // The budget: a word diff of two 20,000-character rewrites took 56 s.
  it("gives up within 100 ms on two unrelated 20,000-character texts", () => {
    const before = unrelatedWords(1, 20_000);
    const after = unrelatedWords(2, 20_000);
    // A server has compiled the diff code long before: time the diff, not V8's first optimisation.
    pageWordDiffer()(before.slice(0, 2_000), after.slice(0, 2_000));
    expect(pageWordDiffer()(before, after)).toBeNull();
    expect(processorMs(() => pageWordDiffer()(before, after))).toBeLessThan(100);
  });

  it("still compares a small edit of a long text", () => {
    const before = unrelatedWords(1, 20_000);
    const middle = before.indexOf(" ", 10_000);
    const diff = pageWordDiffer()(before, `${before.slice(0, middle)} inserted${before.slice(middle)}`);
    expect(diff?.filter((part) => part.added).map((part) => part.value.trim())).toEqual(["inserted"]);
  });

  it("stops comparing once a page has diffed its share of text", () => {
    const diff = pageWordDiffer();
    const text = unrelatedWords(3, DIFF_LIMITS.pageCharacters / 5);
    expect(diff(text, `${text} one`)).not.toBeNull();
    expect(diff(text, `${text} two`)).not.toBeNull();
    expect(diff(text, `${text} three`)).toBeNull();
    expect(diff("a short one", "a short two")).not.toBeNull();
  });
});
