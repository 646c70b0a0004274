/**
 * identity depends on no other module: the authority and every member or patient are plain
 * addresses, validated as bech32 but not required to hold an account yet (a patient's wearable
 * can be registered before the patient's first transaction).
 */
export type IdentityExpectedKeepers = Record<string, never>;
