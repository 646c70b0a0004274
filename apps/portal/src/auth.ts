import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/env.ts";
import { isRole, type RoleName } from "@/lib/roles.ts";
import { parseSignInForm, type SignInErrorCode } from "@/lib/sign-in-form.ts";

/** Carries a stable SignInErrorCode from authorize() to the sign-in action. */
export class PortalSignInError extends CredentialsSignin {
  constructor(readonly portalCode: SignInErrorCode) {
    super(portalCode);
    this.code = portalCode;
  }
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
}

const EIGHT_HOURS = 8 * 60 * 60;

function config(): NextAuthConfig {
  const e = env();
  return {
    secret: e.AUTH_SECRET,
    trustHost: e.AUTH_TRUST_HOST ?? false,
    session: { strategy: "jwt", maxAge: EIGHT_HOURS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const form = parseSignInForm({
            email: credentials?.email,
            password: credentials?.password,
          });
          if (!form.ok)
            throw new PortalSignInError(
              form.fieldErrors.email ?? form.fieldErrors.password ?? "INVALID_CREDENTIALS",
            );
          const { authenticate } = await import("@/server/authenticate.ts");
          const result = await authenticate(form.data.email, form.data.password);
          if (!result.ok) throw new PortalSignInError(result.code);
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as SessionUser;
          token.sub = u.id;
          token.role = u.role;
          token.name = u.name;
          token.email = u.email;
        }
        return token;
      },
      session({ session, token }) {
        const role = token.role;
        if (typeof token.sub === "string" && isRole(role)) {
          Object.assign(session.user, {
            id: token.sub,
            role,
            name: token.name ?? "",
            email: token.email ?? "",
          });
        }
        return session;
      },
    },
    logger: {
      error(error) {
        // Failed sign-ins are recorded as SignInEvent rows; a bad cookie is just "signed out".
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin") return;
        if (type === "JWTSessionError")
          return console.warn("[auth] ignored an unreadable session cookie");
        const cause = (error.cause as { err?: Error } | undefined)?.err;
        console.error(`[auth] ${type ?? error.name}: ${cause?.message ?? error.message}`);
      },
      warn(code) {
        if (code !== "debug-enabled") console.warn(`[auth] warning: ${code}`);
      },
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);

/** The signed-in person from the session cookie, or null (also for expired or tampered cookies). */
export async function currentUser(): Promise<SessionUser | null> {
  let session;
  try {
    session = await auth();
  } catch {
    return null;
  }
  const u = session?.user as Partial<SessionUser> | undefined;
  if (!u || typeof u.id !== "string" || !isRole(u.role)) return null;
  return { id: u.id, email: u.email ?? "", name: u.name ?? "", role: u.role };
}
