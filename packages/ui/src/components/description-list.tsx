import type { ReactNode } from "react";

export interface DescriptionListProps {
  items: ReadonlyArray<{ term: ReactNode; detail: ReactNode; key: string }>;
}

export function DescriptionList({ items }: DescriptionListProps) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      {items.map((item) => (
        <div key={item.key} className="contents">
          <dt className="text-sm font-medium text-ink-muted">{item.term}</dt>
          <dd className="text-base text-ink">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
