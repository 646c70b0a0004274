/** Mirrors the Role enum of @precision/db; kept here so pure code and the client bundle need no DB import. */
export const ROLES = ["CLINICIAN", "PATIENT", "RESEARCHER", "PAYER", "SUPPLY", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export interface Area {
  role: RoleName;
  path: `/${string}`;
  label: string;
}

export const AREAS: Readonly<Record<RoleName, Area>> = {
  CLINICIAN: { role: "CLINICIAN", path: "/clinician", label: "Clinician" },
  PATIENT: { role: "PATIENT", path: "/patient", label: "Patient" },
  RESEARCHER: { role: "RESEARCHER", path: "/researcher", label: "Researcher" },
  PAYER: { role: "PAYER", path: "/payer", label: "Payer" },
  SUPPLY: { role: "SUPPLY", path: "/supply", label: "Supply chain" },
  ADMIN: { role: "ADMIN", path: "/admin", label: "Administration" },
};

export function isRole(value: unknown): value is RoleName {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function areaForRole(role: RoleName): Area {
  return AREAS[role];
}

/** The area a path belongs to, if any ("/payer/claims" → PAYER). */
export function areaForPath(pathname: string): Area | undefined {
  return Object.values(AREAS).find((a) => pathname === a.path || pathname.startsWith(`${a.path}/`));
}

export function mayEnter(role: RoleName, area: Area): boolean {
  return area.role === role;
}
