import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** zod is configured once, for the browser's Content-Security-Policy, in lib/validation/zod.ts. */
const ZOD = { name: "zod", message: "Import z from @/lib/validation/zod, which sets zod up for our Content-Security-Policy." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
  {
    rules: {
      // Parameters named `_x` exist for their position (e.g. cache-key arguments).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Only the data layer talks to the database; pages and components read through lib/dal.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/dal/**", "lib/validation/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["@/db", "@/db/*", "**/db/client", "**/db/schema"], message: "Read and write through lib/dal/ instead." }],
          paths: [ZOD],
        },
      ],
    },
  },
  {
    files: ["lib/dal/**", "db/**", "scripts/**"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD] }] },
  },
]);
