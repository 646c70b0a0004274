import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast.ts";

const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8");
const tokens = new Map(
  [...css.matchAll(/--color-([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1], m[2]]),
);
const token = (name: string) => {
  const value = tokens.get(name);
  if (!value) throw new Error(`theme has no --color-${name}`);
  return value;
};

// Text/background pairs the components actually use.
const textPairs: Array<[string, string]> = [
  ["ink", "surface"],
  ["ink", "canvas"],
  ["ink-muted", "surface"],
  ["ink-muted", "canvas"],
  ["surface", "brand-700"],
  ["surface", "brand-800"],
  ["surface", "brand-900"],
  ["brand-100", "brand-900"],
  ["brand-700", "surface"],
  ["brand-800", "brand-50"],
  ["info-ink", "info-bg"],
  ["success-ink", "success-bg"],
  ["warning-ink", "warning-bg"],
  ["danger-ink", "danger-bg"],
  ["danger-ink", "surface"],
  ["surface", "danger-600"],
  ["neutral-ink", "neutral-bg"],
];

describe("theme tokens", () => {
  it.each(textPairs)("%s on %s meets WCAG AA for text (4.5:1)", (fg, bg) => {
    expect(contrastRatio(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it("focus ring stands out from surface and canvas (3:1 for UI parts)", () => {
    expect(contrastRatio(token("focus"), token("surface"))).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(token("focus"), token("canvas"))).toBeGreaterThanOrEqual(3);
  });

  it("input borders are distinguishable from the surface (3:1)", () => {
    expect(contrastRatio(token("line-strong"), token("surface"))).toBeGreaterThanOrEqual(3);
  });
});

describe("contrastRatio", () => {
  it("is 21 for black on white and 1 for equal colours", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#336699", "#336699")).toBe(1);
  });
  it("rejects colours it cannot read", () => {
    expect(() => contrastRatio("red", "#ffffff")).toThrow(/#rrggbb/);
  });
});
