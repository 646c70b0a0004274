import type { ReactNode } from "react";
import { AREAS } from "@/lib/roles.ts";
import { AreaLayout } from "../_components/area-layout.tsx";

export const dynamic = "force-dynamic";

export default function Layout({ children }: { children: ReactNode }) {
  return <AreaLayout area={AREAS.SUPPLY}>{children}</AreaLayout>;
}
