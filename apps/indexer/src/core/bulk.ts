import type { Prisma } from "@precision/db";

type Tx = Prisma.TransactionClient;

export interface Column {
  readonly name: string;
  /** Postgres element type of the unnest array, e.g. "text", "bigint", "int", "jsonb", "bool", "timestamp(3)". */
  readonly type: string;
}

/** Parameters per statement stay far below Postgres' 65,535 even for the widest table. */
const CHUNK = 5_000;

function cell(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  return v;
}

/**
 * INSERT … SELECT FROM unnest($1::t1[], $2::t2[], …): one statement and one parameter per column
 * for thousands of rows, inside the caller's Prisma transaction. `onConflict` is the SQL after
 * ON CONFLICT, e.g. `("address") DO UPDATE SET "amount" = EXCLUDED."amount"`.
 */
export async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
  onConflict?: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const arrays = columns.map((c, j) =>
      chunk.map((r) => {
        const v = cell(r[j]);
        // jsonb and arrays travel as JSON text and are cast per element below.
        if (c.type.endsWith("[]")) return JSON.stringify((v as unknown[]).map((x) => (typeof x === "bigint" ? x.toString() : x)));
        return c.type === "jsonb" ? JSON.stringify(v) : v;
      }),
    );
    const select = columns
      .map((c, j) => {
        if (c.type === "jsonb") return `u.c${j}::jsonb`;
        if (c.type.endsWith("[]")) return `ARRAY(SELECT jsonb_array_elements_text(u.c${j}::jsonb)::${c.type.slice(0, -2)})`;
        return `u.c${j}`;
      })
      .join(", ");
    const unnest = columns.map((c, j) => `$${j + 1}::${c.type === "jsonb" || c.type.endsWith("[]") ? "text" : c.type}[]`).join(", ");
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const aliases = columns.map((_, j) => `c${j}`).join(", ");
    const sql =
      `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${aliases})` +
      (onConflict ? ` ON CONFLICT ${onConflict}` : "");
    await tx.$executeRawUnsafe(sql, ...arrays);
  }
}

/** `DO UPDATE SET` for every column but the conflict keys. */
export function updateAllBut(keys: readonly string[], columns: readonly Column[]): string {
  const set = columns
    .filter((c) => !keys.includes(c.name))
    .map((c) => `"${c.name}" = EXCLUDED."${c.name}"`)
    .join(", ");
  return `(${keys.map((k) => `"${k}"`).join(", ")}) DO UPDATE SET ${set}`;
}
