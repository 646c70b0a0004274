// The development chain for `npm start`: every staff member gets their own signing key (sealed
// under the server's key-encryption secret, stored on their user row), and the chain's genesis
// funds those accounts and registers the demo organisations and memberships in the identity
// module, with the consortium admin as the authority; the vault's operator account is funded and
// named in the access module's params. Patients hold their own keys in the browser.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runOrThrow } from "./proc.mjs";
import { root } from "./install.mjs";

export const CHAIN_ID = "precision-local-1";
const STAFF_KEY_PURPOSE = "staff-signing-key";
export const ORGANIZATION_KEY_PURPOSE = "organization-encryption-key";
export const PATIENT_DEMO_KEY_PURPOSE = "patient-demo-key";
const STAFF_FUNDS = "1000000000uusd";
const AUTHORITY_FUNDS = "1000000000000uusd";
const precisiond = path.join(root, "chain/bin/precisiond.js");

const MEMBER_ROLES = {
  ADMIN: ["ROLE_ADMIN"],
  CLINICIAN: ["ROLE_CLINICIAN"],
  RESEARCHER: ["ROLE_RESEARCHER"],
  PAYER: ["ROLE_CLAIMS_REVIEWER"],
  SUPPLY: ["ROLE_SUPPLY_OPERATOR"],
};

const TRADING_PARTNER_TYPES = new Set(["MANUFACTURER", "DISTRIBUTOR", "PHARMACY", "CARRIER"]);

/**
 * Before a new chain's genesis: keys made for an earlier chain are dropped, so every demo key is
 * made afresh. They were sealed under the earlier state folder's secret (gone with `.precision`,
 * while a system PostgreSQL keeps the rows) and funded by the earlier genesis, so none would work.
 */
async function forgetEarlierChain(prisma, log) {
  const [people, organizations] = await prisma.$transaction([
    prisma.user.updateMany({ where: { OR: [{ chainAddress: { not: null } }, { encryptedKey: { not: null } }] }, data: { chainAddress: null, encryptedKey: null, publicKey: null } }),
    prisma.organization.updateMany({ where: { encryptedKey: { not: null } }, data: { encryptedKey: null, encryptionPublicKey: null } }),
    prisma.deviceReading.deleteMany({}),
  ]);
  if (people.count || organizations.count) log(`new chain: the keys ${people.count} people and ${organizations.count} organisations held for an earlier chain are replaced by fresh ones`);
}

/** Gives every staff member without one a fresh key, sealed on their row. */
async function ensureStaffKeys(prisma, keySecret, log) {
  const { generateMnemonic, walletFromMnemonic, sealSecret } = await import("@precision/client");
  const staff = await prisma.user.findMany({
    where: { role: { not: "PATIENT" } },
    include: { memberships: { include: { organization: true } } },
    orderBy: { email: "asc" },
  });
  let created = 0;
  for (const user of staff) {
    if (user.chainAddress && user.encryptedKey) continue;
    const mnemonic = generateMnemonic(24);
    const [account] = await (await walletFromMnemonic(mnemonic)).getAccounts();
    const encryptedKey = await sealSecret(mnemonic, keySecret, { purpose: STAFF_KEY_PURPOSE, owner: user.id });
    await prisma.user.update({ where: { id: user.id }, data: { chainAddress: account.address, encryptedKey } });
    user.chainAddress = account.address;
    created++;
  }
  if (created) log(`created signing keys for ${created} staff members`);
  return staff;
}

/** Gives every organisation without one an encryption key pair, the private half sealed on its row. */
async function ensureOrganizationKeys(prisma, keySecret) {
  const { generateEncryptionKeyPair, sealSecret } = await import("@precision/client");
  for (const org of await prisma.organization.findMany({ where: { encryptedKey: null } })) {
    const { privateKey, publicKey } = generateEncryptionKeyPair();
    const encryptedKey = await sealSecret(Buffer.from(privateKey).toString("base64"), keySecret, { purpose: ORGANIZATION_KEY_PURPOSE, owner: org.id });
    await prisma.organization.update({ where: { id: org.id }, data: { encryptedKey, encryptionPublicKey: Buffer.from(publicKey).toString("base64") } });
  }
}

/**
 * Demo patients get a key so that their seeded records can be wrapped to it. Their recovery phrase
 * is sealed on their row and shown to them once in the patient area ("restore from the
 * mnemonic"); people who join later create their key in the browser, and the server never sees it.
 */
async function ensureDemoPatientKeys(prisma, keySecret) {
  const { accountKeyFromMnemonic, generateMnemonic, sealSecret } = await import("@precision/client");
  const patients = await prisma.user.findMany({ where: { role: "PATIENT" }, orderBy: { email: "asc" } });
  for (const user of patients) {
    if (user.chainAddress) continue;
    const mnemonic = generateMnemonic(24);
    const key = await accountKeyFromMnemonic(mnemonic);
    const encryptedKey = await sealSecret(mnemonic, keySecret, { purpose: PATIENT_DEMO_KEY_PURPOSE, owner: user.id });
    Object.assign(user, await prisma.user.update({ where: { id: user.id }, data: { chainAddress: key.address, publicKey: Buffer.from(key.publicKey).toString("base64"), encryptedKey } }));
  }
  return patients;
}

const DAY_SECONDS = 86_400;

/**
 * The demo patients' histories as genesis records (imported history, as a network bootstraps from
 * existing charts): each FHIR resource encrypted under a fresh data key wrapped to the patient and
 * to the authoring organisation, the ciphertext written to `objectsDir` for the vault, and the
 * treatment grants that let each source keep writing.
 */
async function demoHistory({ prisma, patients, staff, objectsDir, now }) {
  const { encryptRecord, wrapKey, recordClassOf, organizationRecipient } = await import("@precision/client");
  const { RecordClass } = await import("@precision/proto");
  const { DEMO_PATIENTS, DEMO_SOURCES, clinicalHistory } = await import("@precision/db/seed");
  const orgs = new Map((await prisma.organization.findMany()).map((o) => [o.slug, o]));
  const staffByEmail = new Map(staff.map((u) => [u.email, u]));
  const byEmail = new Map(patients.map((p) => [p.email, p]));
  mkdirSync(objectsDir, { recursive: true });
  const records = [];
  const grants = [];
  const at = (days) => new Date(now.getTime() + days * DAY_SECONDS * 1000);
  for (const demo of DEMO_PATIENTS) {
    const user = byEmail.get(demo.email);
    if (!user?.chainAddress || !user.publicKey) continue;
    const patientKey = Buffer.from(user.publicKey, "base64");
    for (const record of clinicalHistory(demo, user.chainAddress, now)) {
      const source = DEMO_SOURCES[record.source];
      const org = source.organizationSlug ? orgs.get(source.organizationSlug) : undefined;
      const author = source.authorEmail ? staffByEmail.get(source.authorEmail)?.chainAddress : user.chainAddress;
      if (!author || (source.organizationSlug && !org?.encryptionPublicKey)) continue;
      const sealed = await encryptRecord(new TextEncoder().encode(JSON.stringify(record.resource)), { recordId: record.id });
      writeFileSync(path.join(objectsDir, `${sealed.contentHash}.bin`), sealed.envelope);
      const keys = [{ recipient: user.chainAddress, wrappedKey: Buffer.from(await wrapKey(sealed.dataKey, patientKey)).toString("base64") }];
      if (org) keys.push({ recipient: organizationRecipient(org.slug), wrappedKey: Buffer.from(await wrapKey(sealed.dataKey, Buffer.from(org.encryptionPublicKey, "base64"))).toString("base64") });
      records.push({
        id: record.id,
        patient: user.chainAddress,
        authorOrganizationId: org?.slug ?? "",
        author,
        resourceType: record.resource.resourceType,
        recordClass: RecordClass[recordClassOf(record.resource)],
        ciphertextSha256: Buffer.from(sealed.contentHash, "hex").toString("base64"),
        ciphertextSize: String(sealed.envelope.length),
        vaultLocator: `vault:sha256:${sealed.contentHash}`,
        keys,
        height: "0",
        time: record.time.toISOString(),
      });
    }
    // Primary care treats everything for years; the lab and the pharmacy keep their own classes; the
    // hospital's emergency-visit grant has ended (its own chart stays readable to it).
    const base = { patient: user.chainAddress, grantee: "", kind: "GRANT_KIND_CONSENT", createdBy: user.chainAddress, createdHeight: "0", createdTime: now.toISOString() };
    const grant = (organization, scope, purpose, start, end) => grants.push({ ...base, id: String(grants.length + 1), granteeOrganizationId: organization, scope, purpose, start: start.toISOString(), end: end.toISOString() });
    grant("maple-street-family-medicine", { all: true }, "PURPOSE_TREAT", at(-1100), at(365));
    grant("northlake-clinical-labs", { classes: ["RECORD_CLASS_LABS"] }, "PURPOSE_TREAT", at(-800), at(365));
    grant("maple-street-pharmacy", { classes: ["RECORD_CLASS_MEDICATIONS"] }, "PURPOSE_TREAT", at(-900), at(365));
    grant("riverbend-heart-vascular", { all: true }, "PURPOSE_ETREAT", at(-420), at(-120));
  }
  return { records, grants };
}

/** Uploads the demo ciphertext genesis refers to; the folder is removed once every object is in. */
export async function uploadDemoObjects({ stateDir, vaultUrl, uploaderMnemonic, log }) {
  const dir = path.join(stateDir, "demo-objects");
  if (!existsSync(dir)) return;
  const { accountKeyFromMnemonic, signVaultRequest } = await import("@precision/client");
  const { privateKey } = await accountKeyFromMnemonic(uploaderMnemonic);
  const files = readdirSync(dir).filter((f) => f.endsWith(".bin"));
  for (let i = 0; i < files.length; i += 16) {
    await Promise.all(
      files.slice(i, i + 16).map(async (file) => {
        const sha256 = file.slice(0, -4);
        const urlPath = `/v1/objects/${sha256}`;
        const res = await fetch(`${vaultUrl}${urlPath}`, { method: "PUT", body: readFileSync(path.join(dir, file)), headers: { authorization: signVaultRequest({ method: "PUT", path: urlPath, bodySha256: sha256 }, privateKey) } });
        if (res.status !== 200 && res.status !== 201) throw new Error(`the vault refused demo object ${sha256}: HTTP ${res.status} ${await res.text()}`);
      }),
    );
  }
  rmSync(dir, { recursive: true, force: true });
  log?.(`uploaded ${files.length} encrypted demo records to the vault`);
}

/** Accounts and balances in the shape `precisiond genesis add-account` writes them. */
function appendFundedAccounts(genesis, addresses, coins) {
  const [, amount, denom] = /^(\d+)([a-z]+)$/.exec(coins);
  const { auth, bank } = genesis.app_state;
  let next = auth.accounts.reduce((n, a) => Math.max(n, Number(a.account_number) + 1), 0);
  for (const address of addresses) {
    if (auth.accounts.some((a) => a.address === address)) continue;
    auth.accounts.push({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address, pub_key: null, account_number: String(next++), sequence: "0" });
    bank.balances.push({ address, coins: [{ denom, amount }] });
  }
  bank.supply = [];
}

function organizationGenesis(org) {
  const identifiers = {};
  if (org.npi) identifiers.npi = org.npi;
  if (org.gln) identifiers.gln = org.gln;
  if (org.payerId) identifiers.payerId = org.payerId;
  if (org.ndcLabelerCode) identifiers.ndcLabelerCode = org.ndcLabelerCode;
  return {
    id: org.slug,
    name: org.name,
    type: `ORGANIZATION_TYPE_${org.type}`,
    identifiers,
    active: true,
    authorizedTradingPartner: TRADING_PARTNER_TYPES.has(org.type),
    encryptionPublicKey: org.encryptionPublicKey ?? "",
  };
}

/**
 * Creates the chain home with the demo genesis on first start; later starts reuse it. Returns the
 * home directory.
 */
export async function prepareDemoChain({ stateDir, databaseUrl, keySecret, vaultOperatorMnemonic, log }) {
  const home = path.join(stateDir, "chain");
  const { createPrismaClient } = await import("@precision/db");
  const prisma = createPrismaClient(databaseUrl);
  try {
    const genesisFile = path.join(home, "config/genesis.json");
    if (!existsSync(genesisFile)) await forgetEarlierChain(prisma, log);
    const staff = await ensureStaffKeys(prisma, keySecret, log);
    await ensureOrganizationKeys(prisma, keySecret);
    const patients = await ensureDemoPatientKeys(prisma, keySecret);
    const { walletFromMnemonic } = await import("@precision/client");
    const [vaultOperator] = await (await walletFromMnemonic(vaultOperatorMnemonic)).getAccounts();
    if (existsSync(genesisFile)) {
      const genesis = JSON.parse(readFileSync(genesisFile, "utf8"));
      const funded = new Set(genesis.app_state.bank.balances.map((b) => b.address));
      const missing = staff.filter((u) => !funded.has(u.chainAddress)).map((u) => u.email);
      if (missing.length) {
        log(`warning: ${missing.join(", ")} have keys the chain's genesis does not fund (the database was reset);`);
        log(`remove ${home} to rebuild the chain from the current demo data`);
      }
      if (!(genesis.app_state.access?.params?.vaultOperators ?? []).includes(vaultOperator.address)) {
        log(`warning: the chain's genesis does not name this vault's operator ${vaultOperator.address}, so reads cannot be logged;`);
        log(`remove ${home} to rebuild the chain`);
      }
      return home;
    }

    log("creating the development chain (precisiond init)…");
    await runOrThrow("node", [precisiond, "init", "--home", home, "--chain-id", CHAIN_ID], { quiet: true });
    const admin = staff.find((u) => u.role === "ADMIN");
    if (!admin) throw new Error("the demo data has no consortium admin to act as the identity authority");
    // The authority goes through the CLI contract; the other accounts are written in the same shape
    // in one pass (a process per account would take most of a minute for the demo's sixty).
    await runOrThrow("node", [precisiond, "genesis", "add-account", "--home", home, admin.chainAddress, AUTHORITY_FUNDS], { quiet: true });

    const organizations = await prisma.organization.findMany({ orderBy: { slug: "asc" } });
    const members = staff.flatMap((user) =>
      user.memberships.map((m) => ({
        organizationId: m.organization.slug,
        address: user.chainAddress,
        // A pharmacy's staff dispense, so they also hold the pharmacist role that records requires.
        roles: m.organization.type === "PHARMACY" ? [...MEMBER_ROLES[user.role], "ROLE_PHARMACIST"] : MEMBER_ROLES[user.role],
        title: m.title,
        active: true,
      })),
    );
    const genesis = JSON.parse(readFileSync(genesisFile, "utf8"));
    const others = [vaultOperator.address, ...[...staff, ...patients].map((u) => u.chainAddress).filter((a) => a !== admin.chainAddress)];
    appendFundedAccounts(genesis, [...new Set(others)], STAFF_FUNDS);
    genesis.app_state.identity = {
      ...genesis.app_state.identity,
      authority: admin.chainAddress,
      organizations: organizations.map(organizationGenesis),
      members,
    };
    const history = await demoHistory({ prisma, patients, staff, objectsDir: path.join(stateDir, "demo-objects"), now: new Date(genesis.genesis_time) });
    genesis.app_state.records = { records: history.records };
    genesis.app_state.access = {
      ...genesis.app_state.access,
      params: { ...genesis.app_state.access.params, authority: admin.chainAddress, vaultOperators: [vaultOperator.address] },
      grants: history.grants,
      nextGrantId: String(history.grants.length + 1),
    };
    writeFileSync(genesisFile, JSON.stringify(genesis, null, 2) + "\n");
    log(`genesis: ${staff.length} funded staff accounts, ${patients.length} patients, ${organizations.length} organisations, ${members.length} memberships, ${history.records.length} encrypted records, ${history.grants.length} grants, vault operator ${vaultOperator.address}`);
    return home;
  } finally {
    await prisma.$disconnect();
  }
}
