import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { DataTable } from "./data-table.tsx";
import { FormField } from "./form-field.tsx";
import { SkipLink } from "./skip-link.tsx";
import { Alert, ToastRegion } from "./toast.tsx";

const html = (el: React.ReactElement) => renderToStaticMarkup(el);

describe("FormField", () => {
  it("labels the input and, with an error, marks it invalid and points at the message", () => {
    const out = html(
      <FormField id="email" name="email" label="Email" error="Enter your email address." />,
    );
    expect(out).toContain('<label for="email"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('aria-describedby="email-error"');
    expect(out).toMatch(/<p id="email-error"[^>]*>.*Enter your email address\.<\/p>/);
  });

  it("has no aria-invalid or dangling describedby when valid", () => {
    const out = html(
      <FormField id="pw" name="pw" label="Password" hint="At least 12 characters" />,
    );
    expect(out).not.toContain("aria-invalid");
    expect(out).toContain('aria-describedby="pw-hint"');
    expect(out).not.toContain("pw-error");
  });
});

describe("DataTable", () => {
  const rows = [{ id: "a", name: "Riverbend", type: "Provider" }];
  const columns = [
    { id: "name", header: "Name", rowHeader: true, cell: (r: (typeof rows)[number]) => r.name },
    { id: "type", header: "Type", cell: (r: (typeof rows)[number]) => r.type },
  ];

  it("has a caption, column headers with scope=col and a row header with scope=row", () => {
    const out = html(
      <DataTable caption="Organisations" rows={rows} rowKey={(r) => r.id} columns={columns} />,
    );
    expect(out).toMatch(/<caption[^>]*>Organisations<\/caption>/);
    expect(out.match(/scope="col"/g)).toHaveLength(2);
    expect(out).toMatch(/<th scope="row"[^>]*>Riverbend<\/th>/);
    expect(out).toMatch(/<td[^>]*>Provider<\/td>/);
  });

  it("shows an empty state instead of an empty table", () => {
    const out = html(
      <DataTable
        caption="People"
        rows={[]}
        rowKey={() => "x"}
        columns={columns}
        empty={{ title: "No people yet" }}
      />,
    );
    expect(out).not.toContain("<table");
    expect(out).toContain("No people yet");
    expect(out).toContain("People");
  });
});

describe("small parts", () => {
  it("buttons default to type=button so they never submit a form by accident", () => {
    expect(html(<Button>Go</Button>)).toContain('type="button"');
    expect(html(<Button type="submit">Go</Button>)).toContain('type="submit"');
  });

  it("the skip link targets #main", () => {
    expect(html(<SkipLink />)).toContain('href="#main"');
  });

  it("live regions are polite by default and alerts are used for danger only", () => {
    expect(html(<ToastRegion />)).toContain('aria-live="polite"');
    expect(html(<Alert tone="danger" title="x" />)).toContain('role="alert"');
    expect(html(<Alert tone="success" title="x" />)).toContain('role="status"');
  });

  it("badge dots are hidden from assistive technology", () => {
    expect(html(<Badge dot>Chain offline</Badge>)).toContain('aria-hidden="true"');
  });
});
