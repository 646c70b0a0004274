/** Joins class names, skipping falsy parts, so components can merge caller classes with their own. */
export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
