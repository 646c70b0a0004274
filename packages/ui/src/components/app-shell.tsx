"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { cx } from "../cx.ts";
import { isCurrentPath, type NavItem } from "../nav.ts";
import { SkipLink } from "./skip-link.tsx";

export interface AppShellProps {
  /** Product name or logo, linked to the home page. */
  brand: ReactNode;
  brandHref?: string;
  nav: ReadonlyArray<NavItem>;
  currentPath: string;
  /** Right side of the header, e.g. the chain status badge. */
  status?: ReactNode;
  /** Who is signed in, plus the sign-out control. */
  account?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

function NavLinks({
  nav,
  currentPath,
  vertical,
}: {
  nav: ReadonlyArray<NavItem>;
  currentPath: string;
  vertical: boolean;
}) {
  return (
    <ul className={cx("flex gap-1", vertical ? "flex-col" : "flex-row flex-wrap")}>
      {nav.map((item) => {
        const current = isCurrentPath(item.href, currentPath);
        return (
          <li key={item.href}>
            <a
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={cx(
                "block rounded-md px-3 py-2 text-sm font-medium",
                "focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus",
                current ? "bg-brand-100 text-brand-900" : "text-surface hover:bg-brand-800",
              )}
            >
              {item.label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

export function AppShell({
  brand,
  brandHref = "/",
  nav,
  currentPath,
  status,
  account,
  children,
  footer,
}: AppShellProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="flex min-h-screen flex-col bg-canvas font-sans text-ink">
      <SkipLink />
      <header className="bg-brand-900 text-surface">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3 sm:px-6">
          <a
            href={brandHref}
            className="rounded-md text-lg font-semibold tracking-tight focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus"
          >
            {brand}
          </a>
          <nav aria-label="Main" className="hidden md:block">
            <NavLinks nav={nav} currentPath={currentPath} vertical={false} />
          </nav>
          <div className="ml-auto hidden items-center gap-3 md:flex">
            {status}
            {account}
          </div>
          <button
            type="button"
            className="ml-auto inline-flex min-h-11 items-center gap-2 rounded-md border border-brand-100/40 px-3 text-sm font-medium hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus md:hidden"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((v) => !v)}
          >
            <span aria-hidden="true">{open ? "✕" : "☰"}</span>
            Menu
          </button>
        </div>
        <div
          id={menuId}
          hidden={!open}
          className="border-t border-brand-800 px-4 pt-2 pb-4 md:hidden"
        >
          <nav aria-label="Main (mobile)">
            <NavLinks nav={nav} currentPath={currentPath} vertical />
          </nav>
          <div className="mt-3 flex flex-col items-start gap-3">
            {status}
            {account}
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8"
      >
        {children}
      </main>
      {footer ? (
        <footer className="border-t border-line bg-surface px-4 py-4 text-sm text-ink-muted sm:px-6">
          {footer}
        </footer>
      ) : null}
    </div>
  );
}
