import { Button } from "@precision/ui";

export function SearchForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/explorer/search" method="get" role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1">
        <label htmlFor="explorer-q" className="mb-1 block text-sm font-medium text-ink">
          Search the ledger
        </label>
        <input
          id="explorer-q"
          name="q"
          defaultValue={defaultValue}
          maxLength={128}
          autoComplete="off"
          spellCheck={false}
          placeholder="Transaction hash, prec1… address or block height"
          className="w-full rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-ink"
        />
      </div>
      <Button type="submit">Search</Button>
    </form>
  );
}
