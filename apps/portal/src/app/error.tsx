"use client";

import { Button } from "@precision/ui";
import Link from "next/link";
import { StatusPage } from "./_components/status-page.tsx";

/** Shows only a reference (digest) for the server log; never the message or stack. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      action={
        <>
          <Button onClick={reset}>Try again</Button>
          <Link href="/" className="self-center text-brand-700 underline">
            Go to my area
          </Link>
        </>
      }
    >
      <p>The portal could not show this page. Nothing you entered has been lost on the network.</p>
      {error.digest ? (
        <p className="mt-2 text-sm">
          Reference for support: <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
