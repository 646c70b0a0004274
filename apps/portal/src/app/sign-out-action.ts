"use server";

import { signOut } from "@/auth.ts";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
