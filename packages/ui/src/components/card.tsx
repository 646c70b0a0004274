import type { ReactNode } from "react";
import { cx } from "../cx.ts";

export interface CardProps {
  title?: ReactNode;
  /** Heading level of the title, so cards fit the page's outline. */
  headingLevel?: 2 | 3 | 4;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

export function Card({
  title,
  headingLevel = 2,
  description,
  actions,
  children,
  className,
}: CardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={cx("rounded-lg border border-line bg-surface p-5 shadow-sm", className)}>
      {title || actions ? (
        <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
          <div>
            {title ? <Heading className="text-lg font-semibold text-ink">{title}</Heading> : null}
            {description ? <p className="mt-1 text-sm text-ink-muted">{description}</p> : null}
          </div>
          {actions ? <div className="flex gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
