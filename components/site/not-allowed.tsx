/** Shown on a signed-in page to someone whose role does not reach it. */
export function NotAllowed() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold tracking-tight">Not available to you</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Your account does not have access to this page. Ask an admin if you think it should.
      </p>
    </div>
  );
}
