/** auth depends on no other module. */
export type AuthExpectedKeepers = Record<string, never>;
