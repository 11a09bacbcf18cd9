/** Every e2e account (demo leads, release manager, first admin) signs in with this password. */
export const DEMO_PASSWORD = "e2e-demo-password-1";

export const ACCOUNTS = {
  admin: "admin@example.org",
  releaseManager: "morgan.rm@example.org",
  docsLead: "dana.lead@example.org",
  testLead: "tomas.lead@example.org",
  containersLead: "lena.lead@example.org",
  releaseLead: "olu.lead@example.org",
  distroLead: "kenji.lead@example.org",
  cloudLead: "priya.lead@example.org",
} as const;
