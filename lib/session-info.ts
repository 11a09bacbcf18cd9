/** What the browser learns about the signed-in person; never a secret. */
export type SessionInfo =
  | { signedIn: false }
  | {
      signedIn: true;
      name: string;
      role: "admin" | "release_manager" | "member";
      /** Slugs of the teams this person leads. */
      leadOf: string[];
    };
