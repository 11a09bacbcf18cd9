/** The review queue's keys: announced above it, handled by ReviewQueue, named on each button (aria-keyshortcuts). */
export const QUEUE_KEYS = { next: "j", previous: "k", read: "o", review: "r", requestChanges: "c", undo: "u" } as const;
