import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { encodeAddress } from "../../runtime/address/bech32-address.js";
import { pubKeyToAddressBytes } from "../../runtime/address/derive.js";
import { encodeSecp256k1PubKey } from "../../runtime/ante/sign-doc.js";

/** A deterministic test key: the same label always gives the same account. */
export interface TestKey {
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly address: string;
}

export function testKey(label: string): TestKey {
  const privateKey = sha256(new TextEncoder().encode(`precision test key ${label}`));
  const publicKey = secp256k1.getPublicKey(privateKey, true);
  return { privateKey, publicKey, address: encodeAddress(pubKeyToAddressBytes(publicKey)) };
}

export interface TxSpec {
  readonly signer: TestKey;
  readonly messages: readonly Any[];
  readonly chainId: string;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
  readonly fee?: { readonly amount: readonly { denom: string; amount: string }[]; readonly gasLimit: bigint };
  readonly memo?: string;
  readonly timeoutHeight?: bigint;
  /** Replace the signature after signing (tampering tests). */
  readonly mapSignature?: (signature: Uint8Array) => Uint8Array;
}

export interface BuiltTx {
  readonly bytes: Uint8Array;
  readonly bodyBytes: Uint8Array;
  readonly authInfoBytes: Uint8Array;
  readonly signature: Uint8Array;
}

/** Builds and SIGN_MODE_DIRECT-signs a TxRaw exactly as CosmJS's signDirect does (low-S, RFC 6979). */
export function buildSignedTx(spec: TxSpec): BuiltTx {
  const bodyBytes = TxBody.encode(
    TxBody.fromPartial({ messages: [...spec.messages], memo: spec.memo ?? "", timeoutHeight: spec.timeoutHeight ?? 0n }),
  ).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: encodeSecp256k1PubKey(spec.signer.publicKey),
          modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
          sequence: spec.sequence,
        },
      ],
      fee: { amount: [...(spec.fee?.amount ?? [])], gasLimit: spec.fee?.gasLimit ?? 200_000n, payer: "", granter: "" },
    }),
  ).finish();
  const signed = signDirect(spec.signer, bodyBytes, authInfoBytes, spec.chainId, spec.accountNumber);
  const signature = spec.mapSignature ? spec.mapSignature(signed) : signed;
  const bytes = TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
  return { bytes, bodyBytes, authInfoBytes, signature };
}

/** The SIGN_MODE_DIRECT signature over any body and auth-info bytes, well-formed or not. */
export function signDirect(signer: TestKey, bodyBytes: Uint8Array, authInfoBytes: Uint8Array, chainId: string, accountNumber: bigint): Uint8Array {
  const signDoc = SignDoc.encode({ bodyBytes, authInfoBytes, chainId, accountNumber }).finish();
  return secp256k1.sign(sha256(signDoc), signer.privateKey, { prehash: false, lowS: true });
}
