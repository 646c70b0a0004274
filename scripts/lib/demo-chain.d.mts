export const CHAIN_ID: string;
export const ORGANIZATION_KEY_PURPOSE: string;
export const PATIENT_DEMO_KEY_PURPOSE: string;
export function prepareDemoChain(opts: {
  stateDir: string;
  databaseUrl: string;
  keySecret: string;
  vaultOperatorMnemonic: string;
  log: (message: string) => void;
}): Promise<string>;
export function uploadDemoObjects(opts: {
  stateDir: string;
  vaultUrl: string;
  uploaderMnemonic: string;
  log?: (message: string) => void;
}): Promise<void>;
