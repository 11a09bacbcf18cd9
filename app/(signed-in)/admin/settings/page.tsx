import type { Metadata } from "next";
import { NotAllowed } from "@/components/site/not-allowed";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { getSettingsForEditing } from "@/lib/dal/site/settings";
import { AdminShell, mayOpen } from "../admin-nav";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings · Admin" };
export const instant = false;

export default async function SettingsPage() {
  const actor = await requireSignedIn("/admin/settings");
  if (!mayOpen(actor, "/admin/settings")) return <NotAllowed />;
  return (
    <AdminShell current="/admin/settings" actor={actor}>
      <Card>
        <SettingsForm settings={getSettingsForEditing({ actor })} />
      </Card>
    </AdminShell>
  );
}
