import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { SignInForm } from "./sign-in-form";
import { oidcEnabled, oidcName } from "@/lib/dal/identity/auth";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { signInWithSsoAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };
export const instant = false;

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(typeof next === "string" ? next : undefined);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-1 text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
        Team leads, release managers and admins sign in to post and review updates. Reading needs no account.
      </p>
      <Card as="div">
        <SignInForm next={nextPath} />
        {oidcEnabled() ? (
          <form action={signInWithSsoAction} className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-700">
            <input type="hidden" name="next" value={nextPath} />
            <button
              type="submit"
              className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Sign in with {oidcName()}
            </button>
          </form>
        ) : null}
      </Card>
    </div>
  );
}
