// The demo network: one organisation of each kind the identity module knows, and one person per portal area.
// Identifiers are fictitious but well-formed (check digits valid); domains use reserved TLDs.
import type { OrganizationType, Role } from "../generated/client/client.ts";

export const DEMO_PASSWORD_DEFAULT = "precision-demo";

export interface DemoOrganization {
  slug: string;
  name: string;
  type: OrganizationType;
  npi: string | null;
  gln: string | null;
  payerId: string | null;
  ndcLabelerCode: string | null;
}

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** Staff belong to one organisation; patients hold their own keys and belong to none. */
  organizationSlug: string | null;
  /** Job title shown in the portal (stored on the membership); "Patient" for patients. */
  title: string;
}

const none = { npi: null, gln: null, payerId: null, ndcLabelerCode: null } as const;

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    ...none,
    slug: "precision-consortium",
    name: "Precision Health Network Consortium",
    type: "CONSORTIUM",
  },
  {
    ...none,
    slug: "maple-street-family-medicine",
    name: "Maple Street Family Medicine",
    type: "PROVIDER",
    npi: "1287345601",
    gln: "0850023100009",
  },
  {
    ...none,
    slug: "riverbend-heart-vascular",
    name: "Riverbend General Hospital – Heart & Vascular Institute",
    type: "PROVIDER",
    npi: "1930157288",
    gln: "0860147200004",
  },
  {
    ...none,
    slug: "northlake-clinical-labs",
    name: "Northlake Clinical Laboratories",
    type: "LAB",
    npi: "1472860398",
    gln: "0851190400008",
  },
  {
    ...none,
    slug: "lakeshore-university-research",
    name: "Lakeshore University Clinical Research Center",
    type: "SPONSOR",
  },
  {
    ...none,
    slug: "lakeshore-university-irb",
    name: "Lakeshore University Institutional Review Board",
    type: "IRB",
  },
  {
    ...none,
    slug: "evergreen-mutual",
    name: "Evergreen Mutual Health Plan",
    type: "PAYER",
    payerId: "EVMH1",
  },
  {
    ...none,
    slug: "halvorsen-biologics",
    name: "Halvorsen Biologics",
    type: "MANUFACTURER",
    gln: "0361528900006",
    ndcLabelerCode: "72816",
  },
  {
    ...none,
    slug: "cascade-pharma-distribution",
    name: "Cascade Pharmaceutical Distribution",
    type: "DISTRIBUTOR",
    gln: "0748293100006",
  },
  {
    ...none,
    slug: "maple-street-pharmacy",
    name: "Maple Street Pharmacy",
    type: "PHARMACY",
    npi: "1168209439",
    gln: "0850023101006",
  },
  {
    ...none,
    slug: "coldline-logistics",
    name: "Coldline Logistics",
    type: "CARRIER",
    gln: "0814276500009",
  },
];

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "dana.okafor@precision-consortium.test",
    name: "Dana Okafor",
    role: "ADMIN",
    organizationSlug: "precision-consortium",
    title: "Network administrator",
  },
  {
    email: "priya.raman@riverbend-health.test",
    name: "Dr. Priya Raman",
    role: "CLINICIAN",
    organizationSlug: "riverbend-heart-vascular",
    title: "Cardiologist",
  },
  {
    email: "marcus.bell@maplestreetfm.test",
    name: "Dr. Marcus Bell",
    role: "CLINICIAN",
    organizationSlug: "maple-street-family-medicine",
    title: "Family physician",
  },
  {
    email: "elena.sokolova@northlake-labs.test",
    name: "Elena Sokolova",
    role: "CLINICIAN",
    organizationSlug: "northlake-clinical-labs",
    title: "Clinical laboratory scientist",
  },
  {
    email: "maria.alvarez@mailbox.example",
    name: "Maria Alvarez",
    role: "PATIENT",
    organizationSlug: null,
    title: "Patient",
  },
  {
    email: "james.whitfield@mailbox.example",
    name: "James Whitfield",
    role: "PATIENT",
    organizationSlug: null,
    title: "Patient",
  },
  {
    email: "samuel.osei@lakeshore-university.test",
    name: "Dr. Samuel Osei",
    role: "RESEARCHER",
    organizationSlug: "lakeshore-university-research",
    title: "Principal investigator",
  },
  {
    email: "grace.liu@evergreenmutual.test",
    name: "Grace Liu",
    role: "PAYER",
    organizationSlug: "evergreen-mutual",
    title: "Claims reviewer",
  },
  {
    email: "tomas.lindqvist@halvorsen-bio.test",
    name: "Tomas Lindqvist",
    role: "SUPPLY",
    organizationSlug: "halvorsen-biologics",
    title: "Serialization and compliance manager",
  },
  {
    email: "aisha.karim@cascade-rx.test",
    name: "Aisha Karim",
    role: "SUPPLY",
    organizationSlug: "cascade-pharma-distribution",
    title: "DSCSA compliance lead",
  },
  {
    email: "ben.carter@maplestreetpharmacy.test",
    name: "Ben Carter, PharmD",
    role: "SUPPLY",
    organizationSlug: "maple-street-pharmacy",
    title: "Pharmacist in charge",
  },
  {
    email: "luis.moreno@coldline-logistics.test",
    name: "Luis Moreno",
    role: "SUPPLY",
    organizationSlug: "coldline-logistics",
    title: "Cold-chain dispatcher",
  },
];
