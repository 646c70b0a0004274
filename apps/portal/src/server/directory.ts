import "server-only";
import { db } from "./db.ts";

export async function listOrganizations() {
  return db().organization.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      type: true,
      npi: true,
      gln: true,
      payerId: true,
      ndcLabelerCode: true,
      _count: { select: { memberships: true } },
    },
  });
}

export async function listUsers() {
  return db().user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabled: true,
      lockedUntil: true,
      lastSignInAt: true,
      memberships: { select: { title: true, organization: { select: { name: true } } } },
    },
  });
}
