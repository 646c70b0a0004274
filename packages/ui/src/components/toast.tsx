import type { ReactNode } from "react";
import { cx } from "../cx.ts";
import { toneClasses, type Tone } from "./badge.tsx";

export interface ToastRegionProps {
  children?: ReactNode;
  /** "assertive" interrupts the screen reader; use it for errors only. */
  politeness?: "polite" | "assertive";
  label?: string;
}

/** A live region that exists from the first render, so messages added later are announced. */
export function ToastRegion({
  children,
  politeness = "polite",
  label = "Notifications",
}: ToastRegionProps) {
  return (
    <div
      aria-live={politeness}
      aria-label={label}
      role={politeness === "assertive" ? "alert" : "status"}
      className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex flex-col items-center gap-2 px-4 sm:items-end"
    >
      {children}
    </div>
  );
}

export interface ToastProps {
  tone?: Tone;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}

export function Toast({ tone = "info", title, children, action }: ToastProps) {
  return (
    <div
      className={cx(
        "pointer-events-auto w-full max-w-sm rounded-lg border border-line p-4 shadow-md",
        toneClasses[tone],
      )}
    >
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}

export interface AlertProps {
  tone?: Tone;
  title: ReactNode;
  children?: ReactNode;
  id?: string;
}

/** An inline message, announced when it appears (role=alert for errors, status otherwise). */
export function Alert({ tone = "info", title, children, id }: AlertProps) {
  return (
    <div
      id={id}
      role={tone === "danger" ? "alert" : "status"}
      className={cx("rounded-md border border-line p-3", toneClasses[tone])}
    >
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
    </div>
  );
}
