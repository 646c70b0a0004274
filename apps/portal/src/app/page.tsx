import { redirect } from "next/navigation";
import { currentUser } from "@/auth.ts";
import { areaForRole } from "@/lib/roles.ts";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? areaForRole(user.role).path : "/signin");
}
