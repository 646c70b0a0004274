import type { RoleName } from "./roles.ts";

export interface AreaContent {
  summary: string;
  /** What the area will hold, from DESIGN.md §1. */
  planned: ReadonlyArray<{ title: string; detail: string }>;
}

export const AREA_CONTENT: Readonly<Record<RoleName, AreaContent>> = {
  CLINICIAN: {
    summary:
      "Care for the patients who have granted you access, with every read recorded on the chain.",
    planned: [
      {
        title: "My patients",
        detail:
          "Patients who granted you or your organisation access, with the categories and the time window of each grant.",
      },
      {
        title: "Merged timeline",
        detail:
          "One longitudinal timeline per patient, assembled from every provider that holds FHIR R4 data for them.",
      },
      {
        title: "Alerts inbox",
        detail:
          "Wearable alerts routed to you by a patient's own rules, e.g. an arrhythmia alert opening 72 h of access to the last 30 days.",
      },
      {
        title: "Break the glass",
        detail:
          "Emergency access with a stated reason; it is audited on chain and shown to the patient.",
      },
    ],
  },
  PATIENT: {
    summary:
      "Your records stay encrypted in the vault; you decide who may read them, for how long, and you see every read.",
    planned: [
      {
        title: "Who can see my records",
        detail:
          "Grant, time-box and revoke access per person, per organisation and per category of data.",
      },
      {
        title: "Access log",
        detail: "Every read of your records, by whom and when, exportable as FHIR AuditEvent.",
      },
      {
        title: "Automatic rules",
        detail:
          "Rules that let a wearable alert open a time-boxed window of access and notify a named clinician.",
      },
      {
        title: "Trials and payments",
        detail:
          "Invitations to trials you match, your consents, and what you earn from the data marketplace.",
      },
    ],
  },
  RESEARCHER: {
    summary:
      "Register trials transparently and recruit without learning who anyone is until they answer.",
    planned: [
      {
        title: "Trial registry",
        detail:
          "Protocols with the WHO TRDS items, endpoints and analysis-plan hash, registered before the first enrolment.",
      },
      {
        title: "Amendments and deviations",
        detail: "Every protocol version with its reason, and every deviation, visible to all.",
      },
      {
        title: "Cohort counts",
        detail:
          "How many patients match your criteria, with invitations sent without revealing identities.",
      },
      {
        title: "Results",
        detail:
          "Results that must report every pre-registered endpoint, so outcome switching shows.",
      },
    ],
  },
  PAYER: {
    summary:
      "Put plans on chain and let claims adjudicate deterministically, with a full trace for the ones that need a human.",
    planned: [
      {
        title: "Plans",
        detail:
          "Covered codes, allowed amounts, deductible, coinsurance, copay, out-of-pocket maximum, prior-authorisation and frequency rules.",
      },
      {
        title: "Review queue",
        detail: "Claims pended by fraud signals, each with its full adjudication trace.",
      },
      {
        title: "Remittance",
        detail:
          "Paid and denied claims with CARC reason codes and 835-like remittance, paid from your escrow in the same block.",
      },
      {
        title: "Metrics",
        detail: "Claim cycle time, denial rates and fraud caught, shown as charts.",
      },
    ],
  },
  SUPPLY: {
    summary:
      "Track serialized drug packs from commissioning to dispensing, as DSCSA requires, with detail gated by trading relationship.",
    planned: [
      {
        title: "Scan a pack",
        detail:
          "Read a GS1 DataMatrix or Digital Link (GTIN, serial, lot, expiry) and see the pack's history and verification answer.",
      },
      {
        title: "Transfers",
        detail: "Ownership transfers signed by both sides, and aggregation of packs into cases.",
      },
      {
        title: "Cold chain",
        detail:
          "Signed sensor readings per shipment; leaving 2–8 °C for insulin marks it compromised and stops the carrier's escrowed payment.",
      },
      {
        title: "Quarantine",
        detail: "Suspect or illegitimate product, quarantined with a reason.",
      },
    ],
  },
  ADMIN: {
    summary:
      "The consortium's view of the network: organisations, the people in them and their roles.",
    planned: [
      {
        title: "Organisations",
        detail:
          "Members registered in the identity module with their NPI, GLN, payer id or NDC labeler code.",
      },
      {
        title: "People",
        detail: "Staff and patients, their roles, and whether their account is active or locked.",
      },
      {
        title: "Ledger explorer",
        detail: "Blocks, transactions and their events, each verifiable on the chain.",
      },
    ],
  },
};
