import { NextResponse, type NextRequest } from "next/server";

import { PATH_HEADER } from "@/lib/headers.ts";

/** Hands the requested path to server layouts, which cannot see it, for the sign-in callbackUrl. */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|api/|favicon.ico).*)"] };
