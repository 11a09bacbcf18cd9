"use client";

import { useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/card";
import type { QueueEntry } from "@/lib/dal/updates/review";
import { QUEUE_KEYS } from "./keys";
import { QueueEntryCard } from "./queue-entry";

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);

/**
 * The review queue: one entry per team, read and decided in place. j/k move between
 * entries and the action keys act on the one holding focus; keys typed into a field stay
 * with the field.
 */
export function ReviewQueue({ entries, now }: { entries: QueueEntry[]; now: number }) {
  const list = useRef<HTMLOListElement>(null);
  // The entries as first shown: a decision's re-render of the page must not drop or reorder them under the pointer.
  const [shown] = useState(entries);
  // The entry last focused: a button that disables itself while it saves drops focus to the page.
  const lastFocused = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || !list.current) return;
      const articles = [...list.current.querySelectorAll<HTMLElement>("[data-entry]")];
      if (articles.length === 0) return;
      const focused = articles.findIndex((a) => a.contains(document.activeElement));
      const current =
        focused !== -1 || document.activeElement !== document.body ? focused : articles.findIndex((a) => a === lastFocused.current);
      const key = event.key;
      if (key === QUEUE_KEYS.next || key === QUEUE_KEYS.previous) {
        const step = key === QUEUE_KEYS.next ? 1 : -1;
        const target =
          articles[current === -1 ? (step === 1 ? 0 : articles.length - 1) : Math.min(articles.length - 1, Math.max(0, current + step))]!;
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "nearest" });
        return;
      }
      if (current === -1) return;
      const article = articles[current]!;
      if (key === QUEUE_KEYS.requestChanges) {
        const details = article.querySelector("details");
        if (!details) return;
        event.preventDefault();
        details.open = true;
        details.querySelector("textarea")?.focus();
        return;
      }
      const button = article.querySelector<HTMLButtonElement>(`button[aria-keyshortcuts="${key}"]`);
      if (button && !button.disabled) {
        event.preventDefault();
        button.click();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // Only an empty first showing is an empty queue: marking the last entry reviewed keeps it, and its Undo, in place.
  if (shown.length === 0) return <EmptyState>Every team&apos;s latest update is reviewed.</EmptyState>;
  return (
    <>
      <p id="queue-keys" className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Keys: <kbd>{QUEUE_KEYS.next}</kbd> next team, <kbd>{QUEUE_KEYS.previous}</kbd> previous, <kbd>{QUEUE_KEYS.read}</kbd> read the
        update, <kbd>{QUEUE_KEYS.review}</kbd> mark it reviewed, <kbd>{QUEUE_KEYS.requestChanges}</kbd> request changes,{" "}
        <kbd>{QUEUE_KEYS.undo}</kbd> undo.
      </p>
      <ol
        ref={list}
        aria-describedby="queue-keys"
        className="space-y-3"
        onFocus={(event) => (lastFocused.current = event.target.closest<HTMLElement>("[data-entry]"))}
      >
        {shown.map((entry) => (
          <QueueEntryCard key={entry.id} entry={entry} now={now} />
        ))}
      </ol>
    </>
  );
}
