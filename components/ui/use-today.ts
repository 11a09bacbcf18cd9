"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

function browserToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/**
 * Today in the browser's own calendar (YYYY-MM-DD), the latest day a date picker offers for
 * what already happened; undefined in the server's render, whose time zone may differ.
 */
export function useBrowserToday(): string | undefined {
  return useSyncExternalStore(noSubscription, browserToday, () => undefined);
}
