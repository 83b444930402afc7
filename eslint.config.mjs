// ESLint: Next's core-web-vitals and TypeScript rules, plus the house rules that keep money and
// the environment in their modules.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Only lib/env.ts reads the environment; scripts and tests are the launchers around the app.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts." },
      ],
      "no-restricted-globals": [
        "error",
        { name: "parseFloat", message: "Money is integer minor units: use lib/money." },
      ],
    },
  },
];

export default config;
