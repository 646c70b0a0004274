import { EmptyState } from "@precision/ui";

/** A clear empty or error state for bad or unknown input: the explorer never answers with a 500. */
export function ExplorerError({ title, description }: { title: string; description: string }) {
  return (
    <div role="alert" data-testid="explorer-error">
      <EmptyState title={title} description={description} />
    </div>
  );
}
