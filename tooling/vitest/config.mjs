// Shared Vitest settings: `*.test.ts` are unit tests; `*.int.test.ts` need Postgres or a node.
import { defineConfig } from "vitest/config";

const exclude = ["**/node_modules/**", "**/dist/**", "**/.next/**", "**/*.e2e.ts"];

export function unitConfig(overrides = {}) {
  return defineConfig({
    test: {
      include: ["**/*.test.ts", "**/*.test.tsx"],
      exclude: [...exclude, "**/*.int.test.ts"],
      testTimeout: 20_000,
      ...overrides,
    },
  });
}

export function intConfig(overrides = {}) {
  return defineConfig({
    test: {
      include: ["**/*.int.test.ts"],
      exclude,
      testTimeout: 120_000,
      hookTimeout: 120_000,
      fileParallelism: false,
      ...overrides,
    },
  });
}
