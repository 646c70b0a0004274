"use client";

/** Last resort when the root layout itself fails; no stack traces, no theme dependencies. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", color: "#102a43" }}>
        <h1>Something went wrong</h1>
        <p>The portal could not show this page. Please reload, or try again in a moment.</p>
        {error.digest ? <p>Reference for support: {error.digest}</p> : null}
      </body>
    </html>
  );
}
