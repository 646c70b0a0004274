import type { Metadata } from "next";
import { PageHeader } from "@precision/ui";
import { AREAS } from "@/lib/roles.ts";
import { db } from "@/server/db.ts";
import { requireArea } from "@/server/guard.ts";
import { PatientApp } from "./_components/patient-app.tsx";

export const metadata: Metadata = { title: "Patient" };

export default async function Page() {
  const profile = await requireArea(AREAS.PATIENT);
  const row = await db().user.findUnique({ where: { id: profile.id }, select: { encryptedKey: true } });
  return (
    <>
      <PageHeader eyebrow="Patient" title={`Welcome, ${profile.name}`} description="Your health records, held by the organisations that care for you and opened only by people you choose. Every read is on the record." />
      <PatientApp userId={profile.id} registered={profile.chainAddress} demoPhraseWaiting={Boolean(row?.encryptedKey)} />
    </>
  );
}
