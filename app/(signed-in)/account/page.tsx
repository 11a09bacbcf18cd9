import type { Metadata } from "next";
import Link from "next/link";
import { Card, SectionHeading } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { PASSWORD_LIMITS } from "@/lib/validation/auth";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };
export const instant = false;

export default async function AccountPage() {
  const actor = await requireSignedIn("/account");
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">Signed in as {actor.name}.</p>
      <p className="text-sm">
        <Link className="underline" href="/account/tokens">
          API tokens
        </Link>{" "}
        for scripts and CI jobs.
      </p>
      <Card>
        <SectionHeading id="password-heading">Change password</SectionHeading>
        <ChangePasswordForm minLength={PASSWORD_LIMITS.min} />
      </Card>
    </div>
  );
}
