import path from "node:path";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import precision from "./tooling/eslint/precision-plugin.mjs";

const ours = (except = []) =>
  ["@precision/proto", "@precision/client", "@precision/ui", "@precision/db", "@precision/chain"]
    .filter((p) => !except.includes(p))
    .map((name) => ({
      name,
      message: "This import breaks the dependency direction of DESIGN.md §2.",
    }));

const noChainInternals = {
  group: ["**/chain/**", "@precision/chain", "@precision/chain/*"],
  message:
    "Apps and packages talk to the chain through CosmJS and @precision/proto, never chain/ internals.",
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.next/**",
      "**/.turbo/**",
      "**/src/gen/**",
      "**/src/generated/**",
      "**/third_party/**",
      "**/next-env.d.ts",
      "**/test-results/**",
      "**/playwright-report/**",
      ".precision/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: "module" },
    plugins: { precision },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    files: ["apps/portal/**/*.{ts,tsx}", "packages/ui/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["apps/portal/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    settings: { next: { rootDir: path.join(import.meta.dirname, "apps/portal") } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
  // ui imports nothing of ours.
  {
    files: ["packages/ui/**"],
    languageOptions: { globals: { ...globals.browser } },
    rules: { "no-restricted-imports": ["error", { paths: ours(), patterns: [noChainInternals] }] },
  },
  // proto imports nothing of ours.
  {
    files: ["packages/proto/**"],
    rules: { "no-restricted-imports": ["error", { paths: ours(), patterns: [noChainInternals] }] },
  },
  // client imports proto only.
  {
    files: ["packages/client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: ours(["@precision/proto"]), patterns: [noChainInternals] },
      ],
    },
  },
  // chain imports proto only; its tests may drive it through the client like any outside user.
  {
    files: ["chain/**"],
    ignores: ["chain/**/*.test.ts", "chain/test/**", "chain/bench/**"],
    rules: { "no-restricted-imports": ["error", { paths: ours(["@precision/proto"]) }] },
  },
  // modules never import each other, and are deterministic.
  {
    files: ["chain/modules/**"],
    ignores: ["chain/modules/**/*.test.ts"],
    rules: {
      "precision/no-cross-module-import": "error",
      "no-restricted-globals": [
        "error",
        { name: "setTimeout", message: "Chain modules are deterministic: no timers." },
        { name: "setInterval", message: "Chain modules are deterministic: no timers." },
        { name: "fetch", message: "Chain modules do no I/O." },
        { name: "performance", message: "Chain modules are deterministic: use the block header." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Use the block time from the context." },
        { object: "Math", property: "random", message: "Chain modules are deterministic." },
        { object: "process", property: "env", message: "Chain modules read no environment." },
        { object: "process", property: "hrtime", message: "Chain modules are deterministic." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Use the block time from the context.",
        },
        {
          selector: "CallExpression[callee.name='parseFloat']",
          message: "No floats on amounts: use bigint.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: ours(["@precision/proto"]),
          patterns: [
            {
              group: [
                "node:fs",
                "node:fs/*",
                "fs",
                "node:net",
                "node:http",
                "node:https",
                "node:child_process",
                "node:os",
                "node:worker_threads",
                "classic-level",
              ],
              message: "Chain modules do no I/O: go through the store in the context.",
            },
          ],
        },
      ],
    },
  },
  // apps never import chain internals; env is read only in env.ts.
  {
    files: ["apps/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ours(["@precision/proto", "@precision/client", "@precision/ui", "@precision/db"]),
          patterns: [noChainInternals],
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through the app's env.ts.",
        },
      ],
    },
  },
  {
    files: ["apps/**/env.ts", "apps/**/*.config.ts", "apps/**/*.config.mjs"],
    rules: { "no-restricted-properties": "off" },
  },
);
