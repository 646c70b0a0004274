// An encrypted file keyring: one JSON file per key, the mnemonic sealed with AES-256-GCM under a
// key derived from the passphrase by scrypt (audited @noble/@scure primitives and WebCrypto).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ripemd160 } from "@noble/hashes/legacy.js";
import { scrypt } from "@noble/hashes/scrypt.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bech32 } from "@scure/base";
import { HDKey } from "@scure/bip32";
import { generateMnemonic, mnemonicToSeedSync, validateMnemonic } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import { CliError } from "./errors.js";

const HD_PATH = "m/44'/118'/0'/0/0";
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 } as const;
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;

export interface KeyInfo {
  readonly name: string;
  readonly address: string;
  readonly pubkey: string;
}

interface KeyFile extends KeyInfo {
  readonly version: 1;
  readonly crypto: {
    kdf: "scrypt";
    n: number;
    r: number;
    p: number;
    salt: string;
    iv: string;
    ciphertext: string;
  };
}

export interface SigningKey extends KeyInfo {
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

function deriveSigningKey(mnemonic: string): {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  address: string;
} {
  const node = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic)).derive(HD_PATH);
  if (!node.privateKey || !node.publicKey)
    throw new CliError("could not derive a key from the mnemonic");
  const address = bech32.encode("prec", bech32.toWords(ripemd160(sha256(node.publicKey))));
  return { privateKey: node.privateKey, publicKey: node.publicKey, address };
}

async function aesKey(passphrase: string, salt: Uint8Array) {
  const raw = scrypt(new TextEncoder().encode(passphrase), salt, SCRYPT);
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export class Keyring {
  constructor(readonly dir: string) {}

  private file(name: string): string {
    if (!NAME.test(name))
      throw new CliError(
        `key name must be 1-64 letters, digits, '.', '_' or '-', got ${JSON.stringify(name)}`,
      );
    return path.join(this.dir, `${name}.key.json`);
  }

  async add(
    name: string,
    passphrase: string,
    mnemonic?: string,
  ): Promise<{ info: KeyInfo; mnemonic: string }> {
    if (passphrase.length < 8)
      throw new CliError("the keyring passphrase must be at least 8 characters");
    const file = this.file(name);
    if (existsSync(file)) throw new CliError(`a key named ${name} already exists in ${this.dir}`);
    const words = mnemonic?.trim().split(/\s+/).join(" ") ?? generateMnemonic(wordlist, 256);
    if (!validateMnemonic(words, wordlist))
      throw new CliError("the mnemonic is not a valid BIP-39 English mnemonic");
    const key = deriveSigningKey(words);
    const salt = new Uint8Array(randomBytes(16));
    const iv = new Uint8Array(randomBytes(12));
    const info: KeyInfo = {
      name,
      address: key.address,
      pubkey: Buffer.from(key.publicKey).toString("base64"),
    };
    const sealed = await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(info.address) },
      await aesKey(passphrase, salt),
      new TextEncoder().encode(words),
    );
    const body: KeyFile = {
      version: 1,
      ...info,
      crypto: {
        kdf: "scrypt",
        n: SCRYPT.N,
        r: SCRYPT.r,
        p: SCRYPT.p,
        salt: Buffer.from(salt).toString("base64"),
        iv: Buffer.from(iv).toString("base64"),
        ciphertext: Buffer.from(sealed).toString("base64"),
      },
    };
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    return { info, mnemonic: words };
  }

  private read(name: string): KeyFile {
    const file = this.file(name);
    if (!existsSync(file)) throw new CliError(`no key named ${name} in ${this.dir}`);
    return JSON.parse(readFileSync(file, "utf8")) as KeyFile;
  }

  show(name: string): KeyInfo {
    const { address, pubkey } = this.read(name);
    return { name, address, pubkey };
  }

  list(): KeyInfo[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith(".key.json"))
      .sort()
      .map((f) => this.show(f.slice(0, -".key.json".length)));
  }

  async unlock(name: string, passphrase: string): Promise<SigningKey> {
    const file = this.read(name);
    const salt = Buffer.from(file.crypto.salt, "base64");
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt(
        {
          name: "AES-GCM",
          iv: Buffer.from(file.crypto.iv, "base64"),
          additionalData: new TextEncoder().encode(file.address),
        },
        await aesKey(passphrase, salt),
        Buffer.from(file.crypto.ciphertext, "base64"),
      );
    } catch {
      throw new CliError(`wrong passphrase for key ${name} (or the key file was altered)`);
    }
    const key = deriveSigningKey(new TextDecoder().decode(plain));
    if (key.address !== file.address)
      throw new CliError(`key file ${name} does not match its address`);
    return {
      name,
      address: key.address,
      pubkey: file.pubkey,
      privateKey: key.privateKey,
      publicKey: key.publicKey,
    };
  }
}
