/** Mirrors OrganizationType of @precision/db. */
export type OrganizationTypeName =
  | "PROVIDER"
  | "LAB"
  | "PAYER"
  | "SPONSOR"
  | "IRB"
  | "MANUFACTURER"
  | "DISTRIBUTOR"
  | "PHARMACY"
  | "CARRIER"
  | "CONSORTIUM";

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationTypeName, string> = {
  PROVIDER: "Care provider",
  LAB: "Laboratory",
  PAYER: "Payer",
  SPONSOR: "Trial sponsor",
  IRB: "Ethics board (IRB)",
  MANUFACTURER: "Manufacturer",
  DISTRIBUTOR: "Distributor",
  PHARMACY: "Pharmacy",
  CARRIER: "Carrier",
  CONSORTIUM: "Consortium authority",
};

export interface OrganizationIdentifiers {
  npi: string | null;
  gln: string | null;
  payerId: string | null;
  ndcLabelerCode: string | null;
}

/** The identifiers an organisation actually has, labelled, in a stable order. */
export function organizationIdentifiers(
  org: OrganizationIdentifiers,
): Array<{ label: string; value: string }> {
  const all: Array<[string, string | null]> = [
    ["NPI", org.npi],
    ["GLN", org.gln],
    ["Payer ID", org.payerId],
    ["NDC labeler code", org.ndcLabelerCode],
  ];
  return all
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([label, value]) => ({ label, value }));
}

export type TradingRole = "Manufacturer" | "Distributor" | "Pharmacy (dispenser)" | "Carrier";

/** The DSCSA trading role of a supply-chain organisation, if it has one. */
export function tradingRole(type: OrganizationTypeName): TradingRole | undefined {
  switch (type) {
    case "MANUFACTURER":
      return "Manufacturer";
    case "DISTRIBUTOR":
      return "Distributor";
    case "PHARMACY":
      return "Pharmacy (dispenser)";
    case "CARRIER":
      return "Carrier";
    default:
      return undefined;
  }
}
