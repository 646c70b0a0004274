"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "./api-tokens.ts";
import { requireSignedIn } from "./guard.ts";

export interface TokenState {
  readonly token?: string;
  readonly error?: string;
}

export async function createToken(_state: TokenState, form: FormData): Promise<TokenState> {
  const profile = await requireSignedIn();
  const name = String(form.get("name") ?? "").trim();
  const days = Number(form.get("days") ?? 30);
  if (name.length < 1 || name.length > 64) return { error: "Name the token (1 to 64 characters)." };
  if (![7, 30, 90].includes(days)) return { error: "Choose how long the token lasts." };
  const { token } = await createApiToken(profile.id, name, days);
  revalidatePath("/tokens");
  return { token };
}

export async function revokeToken(form: FormData): Promise<void> {
  const profile = await requireSignedIn();
  await revokeApiToken(profile.id, String(form.get("id") ?? ""));
  revalidatePath("/tokens");
}
