import type { ModuleErrorDefinition } from "./module-error.js";

/**
 * Builds a module's error table from `{ key: [code, name, message] }`. The order of codes is the
 * module's contract: append only, never renumber.
 */
export function moduleErrorTable<C extends string, K extends string>(
  codespace: C,
  rows: Record<K, readonly [code: number, name: string, message: string]>,
): { readonly errors: Record<K, ModuleErrorDefinition<C>>; readonly table: readonly ModuleErrorDefinition<C>[] } {
  const errors = {} as Record<K, ModuleErrorDefinition<C>>;
  for (const key of Object.keys(rows) as K[]) {
    const [code, name, message] = rows[key];
    errors[key] = { codespace, code, name, message };
  }
  return { errors, table: Object.values<ModuleErrorDefinition<C>>(errors) };
}
