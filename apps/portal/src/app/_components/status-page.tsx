import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@precision/ui";

export function StatusPage({
  code,
  title,
  children,
  action,
}: {
  code: string;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4 py-16"
    >
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{code}</p>
      <h1 className="mt-2 text-3xl font-semibold text-ink">{title}</h1>
      <div className="mt-3 text-base text-ink-muted">{children}</div>
      <div className="mt-6 flex gap-3">
        {action ?? (
          <Link href="/" className={buttonClasses("primary")}>
            Go to my area
          </Link>
        )}
      </div>
    </main>
  );
}
