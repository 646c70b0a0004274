/**
 * Only same-site absolute paths survive; anything else (other origins, protocol-relative
 * `//evil.example`, backslash tricks, control characters) becomes undefined.
 */
export function safeCallbackPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  for (const ch of value) if (ch.charCodeAt(0) < 0x20 || ch === "\\") return undefined;
  try {
    const url = new URL(value, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return undefined;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}

export function signInPath(callbackPath?: string): string {
  const safe = safeCallbackPath(callbackPath);
  return safe && safe !== "/" ? `/signin?${new URLSearchParams({ callbackUrl: safe })}` : "/signin";
}
