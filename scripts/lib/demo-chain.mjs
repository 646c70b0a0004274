// The development chain for `npm start`: every staff member gets their own signing key (sealed
// under the server's key-encryption secret, stored on their user row), and the chain's genesis
// funds those accounts and registers the demo organisations and memberships in the identity
// module, with the consortium admin as the authority; the vault's operator account is funded and
// named in the access module's params. Patients hold their own keys in the browser.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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
    const staff = await ensureStaffKeys(prisma, keySecret, log);
    await ensureOrganizationKeys(prisma, keySecret);
    const patients = await ensureDemoPatientKeys(prisma, keySecret);
    const { walletFromMnemonic } = await import("@precision/client");
    const [vaultOperator] = await (await walletFromMnemonic(vaultOperatorMnemonic)).getAccounts();
    const genesisFile = path.join(home, "config/genesis.json");
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
    await runOrThrow("node", [precisiond, "genesis", "add-account", "--home", home, vaultOperator.address, AUTHORITY_FUNDS], { quiet: true });
    for (const user of [...staff, ...patients]) {
      const coins = user === admin ? AUTHORITY_FUNDS : STAFF_FUNDS;
      await runOrThrow("node", [precisiond, "genesis", "add-account", "--home", home, user.chainAddress, coins], {
        quiet: true,
      });
    }

    const organizations = await prisma.organization.findMany({ orderBy: { slug: "asc" } });
    const members = staff.flatMap((user) =>
      user.memberships.map((m) => ({
        organizationId: m.organization.slug,
        address: user.chainAddress,
        roles: MEMBER_ROLES[user.role],
        title: m.title,
        active: true,
      })),
    );
    const genesis = JSON.parse(readFileSync(genesisFile, "utf8"));
    genesis.app_state.identity = {
      ...genesis.app_state.identity,
      authority: admin.chainAddress,
      organizations: organizations.map(organizationGenesis),
      members,
    };
    genesis.app_state.access = {
      ...genesis.app_state.access,
      params: { ...genesis.app_state.access.params, authority: admin.chainAddress, vaultOperators: [vaultOperator.address] },
    };
    writeFileSync(genesisFile, JSON.stringify(genesis, null, 2) + "\n");
    log(`genesis: ${staff.length} funded staff accounts, ${organizations.length} organisations, ${members.length} memberships, vault operator ${vaultOperator.address}`);
    return home;
  } finally {
    await prisma.$disconnect();
  }
}
