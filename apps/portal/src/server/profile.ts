import "server-only";
import { cache } from "react";
import { db } from "./db.ts";

/** The signed-in person with their organisations; cached per request so layout and page share it. */
export const loadProfile = cache(async (userId: string) => {
  return db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      lastSignInAt: true,
      chainAddress: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          organization: {
            select: {
              id: true,
              slug: true,
              name: true,
              type: true,
              npi: true,
              gln: true,
              payerId: true,
              ndcLabelerCode: true,
            },
          },
        },
      },
    },
  });
});

export type Profile = NonNullable<Awaited<ReturnType<typeof loadProfile>>>;
