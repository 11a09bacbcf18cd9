"use client";

import { ErrorNotice } from "@/components/site/error-notice";

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
