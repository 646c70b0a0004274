export interface SkipLinkProps {
  targetId?: string;
  label?: string;
}

/** First focusable element on the page; visible only when focused. */
export function SkipLink({ targetId = "main", label = "Skip to main content" }: SkipLinkProps) {
  return (
    <a
      href={`#${targetId}`}
      className="sr-only z-50 rounded-md bg-brand-900 px-4 py-2 text-surface focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
    >
      {label}
    </a>
  );
}
