import { rawSecp256k1PubkeyToRawAddress } from "@cosmjs/amino";
import { Bip39, EnglishMnemonic, Random, Secp256k1, Slip10, Slip10Curve } from "@cosmjs/crypto";
import { fromBech32, toBech32 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { PRECISION_BECH32_PREFIX, precisionHdPath } from "./constants.js";

/**
 * BIP-173's maximum length. @cosmjs/encoding 0.39 defaults to no limit, which its bech32
 * library rejects, so every decode passes one.
 */
const BECH32_MAX_LENGTH = 90;

export type MnemonicLength = 12 | 24;

const entropyBytes: Readonly<Record<MnemonicLength, number>> = { 12: 16, 24: 32 };

/** A fresh BIP-39 English mnemonic from the platform's secure random source. */
export function generateMnemonic(length: MnemonicLength = 24): string {
  return Bip39.encode(Random.getBytes(entropyBytes[length])).toString();
}

export interface WalletOptions {
  /** Which accounts to derive: m/44'/118'/0'/0/{index}. Defaults to [0]. */
  readonly accountIndexes?: readonly number[];
  /** Optional BIP-39 passphrase ("25th word"). */
  readonly bip39Password?: string;
}

/** A direct-signing wallet for "prec" addresses. Throws on an invalid mnemonic. */
export async function walletFromMnemonic(
  mnemonic: string,
  options: WalletOptions = {},
): Promise<DirectSecp256k1HdWallet> {
  return DirectSecp256k1HdWallet.fromMnemonic(mnemonic, {
    prefix: PRECISION_BECH32_PREFIX,
    hdPaths: (options.accountIndexes ?? [0]).map((index) => precisionHdPath(index)),
    bip39Password: options.bip39Password ?? "",
  });
}

/** A wallet with a newly generated mnemonic; read it back with `wallet.mnemonic`. */
export async function generateWallet(
  length: MnemonicLength = 24,
  options: WalletOptions = {},
): Promise<DirectSecp256k1HdWallet> {
  return walletFromMnemonic(generateMnemonic(length), options);
}

/** bech32("prec", ripemd160(sha256(pubkey))) for a 33-byte compressed secp256k1 key. */
export function addressFromPubkey(compressedPubkey: Uint8Array): string {
  if (
    compressedPubkey.length !== 33 ||
    (compressedPubkey[0] !== 0x02 && compressedPubkey[0] !== 0x03)
  ) {
    throw new Error("Expected a 33-byte compressed secp256k1 public key");
  }
  return toBech32(PRECISION_BECH32_PREFIX, rawSecp256k1PubkeyToRawAddress(compressedPubkey));
}

/** True for a well-formed bech32 account address with the "prec" prefix and 20 bytes of data. */
export function isPrecisionAddress(address: string): boolean {
  try {
    const { prefix, data } = fromBech32(address, BECH32_MAX_LENGTH);
    return prefix === PRECISION_BECH32_PREFIX && data.length === 20;
  } catch {
    return false;
  }
}

/** The same account under the "prec" prefix, e.g. from a "cosmos1…" address of the same key. */
export function toPrecisionAddress(bech32Address: string): string {
  return toBech32(PRECISION_BECH32_PREFIX, fromBech32(bech32Address, BECH32_MAX_LENGTH).data);
}

export interface AccountKey {
  readonly privateKey: Uint8Array;
  /** 33-byte compressed. */
  readonly publicKey: Uint8Array;
  readonly address: string;
}

/**
 * The raw key of account `index` of a mnemonic (the same one `walletFromMnemonic` signs with), for
 * what a wallet cannot do: unwrapping record keys and signing vault requests.
 */
export async function accountKeyFromMnemonic(mnemonic: string, index = 0, bip39Password = ""): Promise<AccountKey> {
  const seed = await Bip39.mnemonicToSeed(new EnglishMnemonic(mnemonic), bip39Password);
  const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, seed, precisionHdPath(index));
  const { pubkey } = await Secp256k1.makeKeypair(privkey);
  const publicKey = Secp256k1.compressPubkey(pubkey);
  return { privateKey: privkey, publicKey, address: addressFromPubkey(publicKey) };
}
