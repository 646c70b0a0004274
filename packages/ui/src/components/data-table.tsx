import type { ReactNode } from "react";
import { cx } from "../cx.ts";
import { EmptyState } from "./empty-state.tsx";

export interface Column<Row> {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Marks the cell that names the row; rendered as <th scope="row">. */
  rowHeader?: boolean;
  align?: "start" | "end";
}

export interface DataTableProps<Row> {
  /** Required: every table needs an accessible name. */
  caption: ReactNode;
  /** Hide the caption visually but keep it for assistive technology. */
  captionHidden?: boolean;
  columns: ReadonlyArray<Column<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  empty?: { title: ReactNode; description?: ReactNode };
}

export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
}: DataTableProps<Row>) {
  if (rows.length === 0) {
    return (
      <div>
        <p className={cx("mb-2 text-base font-semibold text-ink", captionHidden && "sr-only")}>
          {caption}
        </p>
        <EmptyState
          title={empty?.title ?? "Nothing to show yet"}
          description={empty?.description}
        />
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full border-collapse text-left text-sm">
        <caption
          className={cx(
            "px-4 pt-4 pb-2 text-left text-base font-semibold text-ink",
            captionHidden && "sr-only",
          )}
        >
          {caption}
        </caption>
        <thead className="bg-canvas">
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={cx(
                  "border-b border-line px-4 py-2.5 font-semibold text-ink",
                  c.align === "end" && "text-right",
                )}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className="border-b border-line last:border-b-0 even:bg-canvas/50"
            >
              {columns.map((c) => {
                const className = cx(
                  "px-4 py-2.5 align-top text-ink",
                  c.align === "end" && "text-right",
                  c.rowHeader && "font-medium",
                );
                return c.rowHeader ? (
                  <th key={c.id} scope="row" className={className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.id} className={className}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
