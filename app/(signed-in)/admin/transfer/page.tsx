import type { Metadata } from "next";
import { NotAllowed } from "@/components/site/not-allowed";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { AdminShell, mayOpen } from "../admin-nav";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Export and import · Admin" };
export const instant = false;

export default async function TransferPage() {
  const actor = await requireSignedIn("/admin/transfer");
  if (!mayOpen(actor, "/admin/transfer")) return <NotAllowed />;
  return (
    <AdminShell current="/admin/transfer" actor={actor}>
      <div className="space-y-6">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Export the whole site</h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            One JSON document with the settings, people (without passwords), teams, cycles, updates and their drafts, roadmaps, numbers,
            topics, notifications and the audit log. Sessions and API tokens stay here.
          </p>
          <a href="/admin/export" className="text-accent-700 underline dark:text-indigo-300" download>
            Download the site (JSON)
          </a>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Import a site</h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            Loads a document from an export into this site, all or nothing. People arrive without passwords and get new ones, shown once; an
            account here with the same email keeps its own.
          </p>
          <ImportForm />
        </Card>
      </div>
    </AdminShell>
  );
}
