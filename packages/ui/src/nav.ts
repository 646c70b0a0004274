export interface NavItem {
  href: string;
  label: string;
}

/** True when `pathname` is the item's page or one below it ("/admin" is current for "/admin/users"). */
export function isCurrentPath(itemHref: string, pathname: string): boolean {
  if (itemHref === "/") return pathname === "/";
  const base = itemHref.replace(/\/+$/, "");
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** Accessible name and description ids for a form field, derived from its id. */
export function fieldIds(id: string): { hint: string; error: string } {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

/** aria-describedby for a field: hint and error ids that are actually rendered, or undefined. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = fieldIds(id);
  const parts = [hasHint ? ids.hint : undefined, hasError ? ids.error : undefined].filter(Boolean);
  return parts.length ? parts.join(" ") : undefined;
}
