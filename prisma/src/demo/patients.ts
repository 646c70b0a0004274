// Fifty demo patients: the two named in identities.ts and 48 generated ones. Names are invented and
// domains reserved; every history is generated (clinical-history.ts), never downloaded.
import { DEMO_USERS, type DemoUser } from "./identities.ts";

const FIRST = ["Amara", "Bruno", "Chen", "Dalia", "Elias", "Fatima", "Gideon", "Hana", "Ivan", "Jonas", "Keira", "Lucia", "Mateo", "Nadia", "Oscar", "Priyanka", "Quinn", "Rosa", "Samir", "Tessa", "Umar", "Vera", "Wendell", "Ximena"];
const LAST = ["Abernathy", "Bianchi", "Castellanos", "Dubois", "Eriksen", "Fontaine", "Grimaldi", "Haugen", "Ibarra", "Jovanovic", "Kowalczyk", "Lindgren", "Moreau", "Novak", "Okonkwo", "Petrov", "Quintero", "Rasmussen", "Szabo", "Takahashi"];

export interface DemoPatient extends DemoUser {
  /** 0-based position in DEMO_PATIENTS; seeds the patient's generated history. */
  readonly index: number;
  readonly birthDate: string;
  readonly gender: "female" | "male";
}

function generated(i: number): DemoPatient {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7) % LAST.length]!;
  const year = 1942 + ((i * 13) % 60);
  const month = String(1 + ((i * 5) % 12)).padStart(2, "0");
  const day = String(1 + ((i * 11) % 28)).padStart(2, "0");
  return {
    index: i,
    email: `${first}.${last}${i}@patients.example`.toLowerCase(),
    name: `${first} ${last}`,
    role: "PATIENT",
    organizationSlug: null,
    title: "Patient",
    birthDate: `${year}-${month}-${day}`,
    gender: i % 2 === 0 ? "female" : "male",
  };
}

const named: DemoPatient[] = DEMO_USERS.filter((u) => u.role === "PATIENT").map((u, i) => ({
  ...u,
  index: i,
  birthDate: ["1968-04-12", "1955-09-30"][i] ?? "1970-01-01",
  gender: i % 2 === 0 ? "female" : "male",
}));

/** Every demo patient, the named ones first. */
export const DEMO_PATIENTS: readonly DemoPatient[] = [...named, ...Array.from({ length: 50 - named.length }, (_, k) => ({ ...generated(k + named.length) }))];
