import type { ReactNode } from "react";
import { cx } from "../cx.ts";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export const toneClasses: Record<Tone, string> = {
  neutral: "bg-neutral-bg text-neutral-ink",
  info: "bg-info-bg text-info-ink",
  success: "bg-success-bg text-success-ink",
  warning: "bg-warning-bg text-warning-ink",
  danger: "bg-danger-bg text-danger-ink",
};

export interface BadgeProps {
  tone?: Tone;
  children: ReactNode;
  className?: string;
  /** Shown before the text so the state is not conveyed by colour alone. */
  dot?: boolean;
  title?: string;
}

export function Badge({ tone = "neutral", children, className, dot = false, title }: BadgeProps) {
  return (
    <span
      title={title}
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-sm font-medium",
        toneClasses[tone],
        className,
      )}
    >
      {dot ? <span aria-hidden="true" className="size-2 rounded-full bg-current" /> : null}
      {children}
    </span>
  );
}
