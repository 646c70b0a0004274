// CometBFT-compatible key files (privval/file.go, p2p/key.go) so a home made by `precisiond init`
// can be handed to a real CometBFT node unchanged.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ed25519 } from "@noble/curves/ed25519.js";
import { fromBase64, sha256, toBase64, toHex } from "./encoding.js";

export interface ValidatorKey {
  readonly address: Uint8Array;
  readonly pubKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

export function ed25519Address(pubKey: Uint8Array): Uint8Array {
  return sha256(pubKey).subarray(0, 20);
}

function keyFromSeed(seed: Uint8Array): ValidatorKey {
  const pubKey = ed25519.getPublicKey(seed);
  return { address: ed25519Address(pubKey), pubKey, sign: (m) => ed25519.sign(m, seed) };
}

export function generateKeyFile(path: string, kind: "validator" | "node"): ValidatorKey {
  const seed = ed25519.utils.randomSecretKey();
  const key = keyFromSeed(seed);
  const priv = { type: "tendermint/PrivKeyEd25519", value: toBase64(new Uint8Array([...seed, ...key.pubKey])) };
  const json =
    kind === "validator"
      ? {
          address: toHex(key.address),
          pub_key: { type: "tendermint/PubKeyEd25519", value: toBase64(key.pubKey) },
          priv_key: priv,
        }
      : { priv_key: priv };
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
  return key;
}

export function loadKeyFile(path: string): ValidatorKey {
  if (!existsSync(path)) throw new Error(`key file ${path} not found (run \`precisiond init\` first)`);
  const json = JSON.parse(readFileSync(path, "utf8")) as { priv_key?: { type?: string; value?: string } };
  if (json.priv_key?.type !== "tendermint/PrivKeyEd25519" || typeof json.priv_key.value !== "string") {
    throw new Error(`${path}: expected a tendermint/PrivKeyEd25519 priv_key`);
  }
  const raw = fromBase64(json.priv_key.value);
  if (raw.length !== 64) throw new Error(`${path}: ed25519 private key must be 64 bytes`);
  return keyFromSeed(raw.subarray(0, 32));
}

/** CometBFT node id: lowercase hex of the first 20 bytes of sha256(pubkey). */
export function nodeId(key: ValidatorKey): string {
  return toHex(key.address).toLowerCase();
}
