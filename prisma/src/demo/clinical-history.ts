// Realistic, generated FHIR R4 histories for the demo patients, from the five places a patient's
// data comes from: their primary-care practice, a hospital, a lab, a pharmacy and their wearable.
// Deterministic per patient (seeded PRNG), so every start builds the same demo network.
import type { DemoPatient } from "./patients.ts";

export type DemoSource = "practice" | "hospital" | "lab" | "pharmacy" | "wearable";

/** Who writes each source's records: an organisation's clinician, or the patient for their wearable. */
export const DEMO_SOURCES: Readonly<Record<DemoSource, { organizationSlug: string | null; authorEmail: string | null }>> = {
  practice: { organizationSlug: "maple-street-family-medicine", authorEmail: "marcus.bell@maplestreetfm.test" },
  hospital: { organizationSlug: "riverbend-heart-vascular", authorEmail: "priya.raman@riverbend-health.test" },
  lab: { organizationSlug: "northlake-clinical-labs", authorEmail: "elena.sokolova@northlake-labs.test" },
  pharmacy: { organizationSlug: "maple-street-pharmacy", authorEmail: "ben.carter@maplestreetpharmacy.test" },
  wearable: { organizationSlug: null, authorEmail: null },
};

export interface DemoRecord {
  /** The record id on chain and the resource's FHIR id. */
  readonly id: string;
  readonly source: DemoSource;
  readonly time: Date;
  readonly resource: Record<string, unknown>;
}

const SNOMED = "http://snomed.info/sct";
const LOINC = "http://loinc.org";
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const UCUM = "http://unitsofmeasure.org";
const OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

const CONDITIONS = [
  { code: "38341003", display: "Hypertensive disorder", drug: { code: "314076", display: "lisinopril 10 MG Oral Tablet", sig: "1 tablet by mouth daily" } },
  { code: "44054006", display: "Diabetes mellitus type 2", drug: { code: "860975", display: "metformin 500 MG Oral Tablet", sig: "1 tablet by mouth twice daily with meals" } },
  { code: "55822004", display: "Hyperlipidemia", drug: { code: "617312", display: "atorvastatin 20 MG Oral Tablet", sig: "1 tablet by mouth at bedtime" } },
  { code: "195967001", display: "Asthma", drug: { code: "745679", display: "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", sig: "2 puffs every 4 hours as needed" } },
  { code: "49436004", display: "Atrial fibrillation", drug: { code: "1364430", display: "apixaban 5 MG Oral Tablet", sig: "1 tablet by mouth twice daily" } },
] as const;

/** mulberry32: a small, well-distributed PRNG; the patient's index is the seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();
const round1 = (n: number) => Math.round(n * 10) / 10;
const coding = (system: string, code: string, display: string) => ({ coding: [{ system, code, display }], text: display });
const category = (code: string, display: string) => [{ coding: [{ system: OBS_CATEGORY, code, display }] }];
const quantity = (value: number, unit: string, code = unit) => ({ value, unit, system: UCUM, code });

export function clinicalHistory(patient: DemoPatient, address: string, now: Date): DemoRecord[] {
  const rand = prng(patient.index + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const subject = { reference: `Patient/${address}`, display: patient.name };
  const records: DemoRecord[] = [];
  let n = 0;
  const add = (source: DemoSource, time: Date, resource: Record<string, unknown>) => {
    const id = `${source}-${patient.index}-${n++}`;
    records.push({ id, source, time, resource: { ...resource, id } });
    return id;
  };
  const ago = (days: number) => new Date(now.getTime() - days * DAY - Math.floor(rand() * 8) * 3_600_000);
  const [family, ...given] = patient.name.split(" ").reverse();
  const conditions = [...CONDITIONS].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * 3));
  const hypertensive = conditions.some((c) => c.code === "38341003");
  const diabetic = conditions.some((c) => c.code === "44054006");

  // Primary care: the demographics, four annual visits with vitals, problems, prescriptions, flu shots.
  add("practice", ago(1100), {
    resourceType: "Patient",
    identifier: [{ system: "https://maplestreetfm.test/mrn", value: `MSF-${100_000 + patient.index}` }],
    name: [{ family, given: given.reverse() }],
    gender: patient.gender,
    birthDate: patient.birthDate,
  });
  for (const c of conditions) {
    const onset = ago(900 + Math.floor(rand() * 150));
    add("practice", onset, {
      resourceType: "Condition",
      clinicalStatus: coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
      verificationStatus: coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"),
      category: [coding("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")],
      code: coding(SNOMED, c.code, c.display),
      subject,
      onsetDateTime: iso(onset),
    });
    const prescribed = ago(880);
    add("practice", prescribed, {
      resourceType: "MedicationRequest",
      status: "active",
      intent: "order",
      medicationCodeableConcept: coding(RXNORM, c.drug.code, c.drug.display),
      subject,
      authoredOn: iso(prescribed),
      dosageInstruction: [{ text: c.drug.sig }],
      reasonCode: [coding(SNOMED, c.code, c.display)],
    });
    for (const days of [400, 60]) {
      const handed = ago(days);
      add("pharmacy", handed, {
        resourceType: "MedicationDispense",
        status: "completed",
        medicationCodeableConcept: coding(RXNORM, c.drug.code, c.drug.display),
        subject,
        quantity: quantity(90, "tablet", "{tbl}"),
        daysSupply: quantity(90, "day", "d"),
        whenHandedOver: iso(handed),
        dosageInstruction: [{ text: c.drug.sig }],
      });
    }
  }
  for (let visit = 0; visit < 4; visit++) {
    const start = ago(1000 - visit * 300);
    const encounter = add("practice", start, {
      resourceType: "Encounter",
      status: "finished",
      class: { system: ACT_CODE, code: "AMB", display: "ambulatory" },
      type: [coding(SNOMED, "185349003", "Encounter for check up")],
      subject,
      period: { start: iso(start), end: iso(new Date(start.getTime() + 1_800_000)) },
    });
    const systolic = Math.round((hypertensive ? 142 : 118) + rand() * 14 - visit * (hypertensive ? 4 : 0));
    const diastolic = Math.round((hypertensive ? 90 : 76) + rand() * 8 - visit * (hypertensive ? 2 : 0));
    add("practice", start, {
      resourceType: "Observation",
      status: "final",
      category: category("vital-signs", "Vital Signs"),
      code: coding(LOINC, "85354-9", "Blood pressure panel with all children optional"),
      subject,
      encounter: { reference: `Encounter/${encounter}` },
      effectiveDateTime: iso(start),
      component: [
        { code: coding(LOINC, "8480-6", "Systolic blood pressure"), valueQuantity: quantity(systolic, "mm[Hg]") },
        { code: coding(LOINC, "8462-4", "Diastolic blood pressure"), valueQuantity: quantity(diastolic, "mm[Hg]") },
      ],
    });
    add("practice", start, {
      resourceType: "Observation",
      status: "final",
      category: category("vital-signs", "Vital Signs"),
      code: coding(LOINC, "8867-4", "Heart rate"),
      subject,
      encounter: { reference: `Encounter/${encounter}` },
      effectiveDateTime: iso(start),
      valueQuantity: quantity(Math.round(62 + rand() * 22), "/min"),
    });
    add("practice", start, {
      resourceType: "Observation",
      status: "final",
      category: category("vital-signs", "Vital Signs"),
      code: coding(LOINC, "29463-7", "Body weight"),
      subject,
      encounter: { reference: `Encounter/${encounter}` },
      effectiveDateTime: iso(start),
      valueQuantity: quantity(round1(58 + rand() * 40 - visit * 0.6), "kg"),
    });
    if (visit >= 2) {
      add("practice", start, {
        resourceType: "Immunization",
        status: "completed",
        vaccineCode: coding("http://hl7.org/fhir/sid/cvx", "150", "Influenza, injectable, quadrivalent, preservative free"),
        patient: subject,
        occurrenceDateTime: iso(start),
        primarySource: true,
      });
    }
  }

  // The lab: two draws, each a panel report with its results.
  for (const days of [720, 90]) {
    const drawn = ago(days);
    const results = [
      add("lab", drawn, { resourceType: "Observation", status: "final", category: category("laboratory", "Laboratory"), code: coding(LOINC, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"), subject, effectiveDateTime: iso(drawn), valueQuantity: quantity(round1((diabetic ? 7.4 : 5.4) + rand() * 0.8), "%") }),
      add("lab", drawn, { resourceType: "Observation", status: "final", category: category("laboratory", "Laboratory"), code: coding(LOINC, "13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation"), subject, effectiveDateTime: iso(drawn), valueQuantity: quantity(Math.round(95 + rand() * 70), "mg/dL") }),
      add("lab", drawn, { resourceType: "Observation", status: "final", category: category("laboratory", "Laboratory"), code: coding(LOINC, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma"), subject, effectiveDateTime: iso(drawn), valueQuantity: quantity(round1(0.7 + rand() * 0.5), "mg/dL") }),
    ];
    add("lab", drawn, {
      resourceType: "DiagnosticReport",
      status: "final",
      category: [coding("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", "Laboratory")],
      code: coding(LOINC, "24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma"),
      subject,
      effectiveDateTime: iso(drawn),
      issued: iso(new Date(drawn.getTime() + 6 * 3_600_000)),
      result: results.map((id) => ({ reference: `Observation/${id}` })),
    });
  }

  // The hospital: an emergency visit for palpitations, with an ECG, a chest X-ray and a summary.
  const admitted = ago(200 + Math.floor(rand() * 200));
  add("hospital", admitted, {
    resourceType: "Encounter",
    status: "finished",
    class: { system: ACT_CODE, code: "EMER", display: "emergency" },
    type: [coding(SNOMED, "50849002", "Emergency room admission")],
    reasonCode: [coding(SNOMED, "80313002", "Palpitations")],
    subject,
    period: { start: iso(admitted), end: iso(new Date(admitted.getTime() + 9 * 3_600_000)) },
  });
  add("hospital", admitted, { resourceType: "Procedure", status: "completed", code: coding(SNOMED, "29303009", "Electrocardiographic procedure"), subject, performedDateTime: iso(admitted) });
  add("hospital", admitted, {
    resourceType: "DiagnosticReport",
    status: "final",
    category: [coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")],
    code: coding(LOINC, "36643-5", "XR Chest 2 Views"),
    subject,
    effectiveDateTime: iso(admitted),
    conclusion: pick(["No acute cardiopulmonary process.", "Mild cardiomegaly; no effusion or consolidation.", "Clear lungs; normal heart size."]),
  });
  const summary = `Seen in the emergency department for palpitations. ECG: ${pick(["sinus rhythm", "sinus tachycardia", "paroxysmal atrial fibrillation, self-terminating"])}. Discharged home with follow-up in primary care.`;
  add("hospital", new Date(admitted.getTime() + 9 * 3_600_000), {
    resourceType: "DocumentReference",
    status: "current",
    type: coding(LOINC, "18842-5", "Discharge summary"),
    subject,
    date: iso(new Date(admitted.getTime() + 9 * 3_600_000)),
    content: [{ attachment: { contentType: "text/plain", title: "Discharge summary", data: Buffer.from(summary).toString("base64") } }],
  });

  // The wearable: resting heart rate over the last weeks, recorded by the patient's ECG patch.
  for (let week = 6; week >= 1; week--) {
    const at = ago(week * 7);
    add("wearable", at, {
      resourceType: "Observation",
      status: "final",
      category: category("vital-signs", "Vital Signs"),
      code: coding(LOINC, "8867-4", "Heart rate"),
      subject,
      effectiveDateTime: iso(at),
      valueQuantity: quantity(Math.round(58 + rand() * 30), "/min"),
      device: { display: "PulsePatch ECG wearable" },
    });
  }
  // The lab: a pharmacogenomic panel for every third patient, read before prescribing.
  if (patient.index % 3 === 0) {
    const tested = ago(300);
    add("lab", tested, {
      resourceType: "DiagnosticReport",
      status: "final",
      category: [coding("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")],
      code: coding(LOINC, "51969-4", "Genetic analysis report"),
      subject,
      effectiveDateTime: iso(tested),
      issued: iso(new Date(tested.getTime() + 7 * DAY)),
      conclusion: pick([
        "CYP2C19 *1/*1: normal metabolizer.",
        "CYP2C19 *1/*2: intermediate metabolizer; consider an alternative to clopidogrel.",
        "CYP2C19 *1/*17: rapid metabolizer.",
        "SLCO1B1 *1/*5: decreased function; prefer a lower statin dose.",
      ]),
    });
  }
  return records.sort((a, b) => a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : 1));
}
