import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { pubKeyHasAddress } from "../address/derive.js";
import { mustParseAddress } from "../address/bech32-address.js";
import { ceilGasFee, formatCoins, parseCoins, type Coin, type GasPrice } from "../coins/coins.js";
import type { Context } from "../context/context.js";
import { verifySecp256k1Digest } from "../crypto/secp256k1-verify.js";
import { VerificationCache } from "../crypto/verification-cache.js";
import type { VerifyRequest } from "../crypto/signature-verifier.js";
import {
  ErrInsufficientFee,
  ErrInsufficientFunds,
  ErrInvalidGasLimit,
  ErrInvalidPubKey,
  ErrMemoTooLarge,
  ErrNoSignatures,
  ErrNotSupported,
  ErrTooManySignatures,
  ErrTxTimeoutHeight,
  ErrUnauthorized,
  ErrUnknownAddress,
  ErrUnknownExtensionOptions,
  ErrWrongSequence,
} from "../errors/sdk-errors.js";
import { ChainError } from "../errors/registry.js";
import type { DecodedTx } from "../tx/decode-tx.js";
import type { AnteAccount, AnteAccountKeeper, AnteBankKeeper } from "./expected-keepers.js";
import { decodeSecp256k1PubKey, signDocDigest } from "./sign-doc.js";

export const FEE_COLLECTOR_MODULE = "fee_collector";

/**
 * Bytes the SDK charges per missing signature when simulating (ConsumeTxSizeGasDecorator): the
 * amino StdSignature of a simulated secp256k1 key and 64-byte signature (106 bytes) plus 6.
 */
const SIMULATED_SIGNATURE_BYTES = 112;

export interface AnteHandlerOptions {
  readonly accountKeeper: AnteAccountKeeper;
  readonly bankKeeper: AnteBankKeeper;
  /** Minimum gas prices enforced in CheckTx only, e.g. [parseGasPrice("0.025uusd")]. */
  readonly minGasPrices: readonly GasPrice[];
  /** Block max gas from the consensus params; -1 or 0 means unlimited. */
  readonly maxBlockGas: () => number;
  readonly verificationCache: VerificationCache;
}

export interface AnteResult {
  readonly gasWanted: number;
  readonly fee: readonly Coin[];
}

/**
 * The Cosmos SDK ante chain (x/auth/ante/ante.go) in its order: SetUpContext (gas limit) →
 * ExtensionOptions → ValidateBasic → TxTimeoutHeight → ValidateMemo → ConsumeGasForTxSize →
 * DeductFee → SetPubKey → ValidateSigCount → SigGasConsume → SigVerification → IncrementSequence.
 * It writes into ctx's branch; the caller persists that branch even if the messages fail.
 */
export class AnteHandler {
  constructor(private readonly options: AnteHandlerOptions) {}

  run(ctx: Context, tx: DecodedTx): AnteResult {
    const { accountKeeper } = this.options;
    const simulate = ctx.isSimulate;
    const genesis = ctx.blockHeight === 0;
    const fee = tx.authInfo.fee;
    const gasWanted = Number(fee?.gasLimit ?? 0n);

    // SetUpContext: the gas limit must be usable before anything is charged to it.
    if (!simulate && !genesis) {
      if (gasWanted <= 0) throw ErrInvalidGasLimit.wrap("must provide positive gas");
      const maxGas = this.options.maxBlockGas();
      if (maxGas > 0 && gasWanted > maxGas) {
        throw ErrInvalidGasLimit.wrap(`tx gas limit ${gasWanted} exceeds block max gas ${maxGas}`);
      }
    }

    // ExtensionOptions: the chain accepts none (non-critical ones are ignored, as in the SDK).
    if (tx.body.extensionOptions.length > 0) throw ErrUnknownExtensionOptions.wrap("unknown extension options");

    // ValidateBasic.
    if (tx.signatures.length === 0) throw ErrNoSignatures.error();
    if (tx.signatures.length !== tx.signers.length) {
      throw ErrUnauthorized.wrap(`wrong number of signers; expected ${tx.signers.length}, got ${tx.signatures.length}`);
    }
    if (tx.authInfo.signerInfos.length !== tx.signers.length) {
      throw ErrUnauthorized.wrap(`invalid number of signer infos; expected: ${tx.signers.length}, got ${tx.authInfo.signerInfos.length}`);
    }
    const feeCoins = parseCoins(fee?.amount ?? []);
    if (fee !== undefined && fee.granter !== "") throw ErrNotSupported.wrap("fee grants are not supported");
    if (fee !== undefined && fee.payer !== "" && fee.payer !== tx.signers[0]) {
      throw ErrNotSupported.wrap("a fee payer other than the first signer is not supported");
    }
    for (const msg of tx.msgs) msg.route.validateBasic?.(msg.value);

    // TxTimeoutHeight.
    const timeout = tx.body.timeoutHeight;
    if (timeout > 0n && BigInt(ctx.blockHeight) > timeout) {
      throw ErrTxTimeoutHeight.wrap(`block height: ${ctx.blockHeight}, timeout height: ${timeout}`);
    }

    // ValidateMemo.
    const params = accountKeeper.getAnteParams(ctx);
    const memoLength = [...tx.body.memo].length;
    if (memoLength > params.maxMemoCharacters) {
      throw ErrMemoTooLarge.wrap(`maximum number of characters is ${params.maxMemoCharacters} but received ${memoLength} characters`);
    }

    // ConsumeGasForTxSize.
    ctx.gasMeter.consume(params.txSizeCostPerByte * tx.txBytes.length, "txSize");
    if (simulate) {
      for (const sig of tx.signatures) {
        if (sig.length === 0) ctx.gasMeter.consume(params.txSizeCostPerByte * SIMULATED_SIGNATURE_BYTES, "txSize");
      }
    }

    // DeductFee.
    const feePayer = tx.signers[0] as string;
    if (ctx.isCheckTx && !simulate) this.checkMinGasPrices(feeCoins, gasWanted);
    if (accountKeeper.getAccount(ctx, feePayer) === undefined) {
      throw ErrUnknownAddress.wrap(`fee payer address: ${feePayer} does not exist`);
    }
    if (feeCoins.length > 0) {
      try {
        this.options.bankKeeper.sendCoinsFromAccountToModule(ctx, feePayer, FEE_COLLECTOR_MODULE, feeCoins);
      } catch (err) {
        if (err instanceof ChainError && err.root === ErrInsufficientFunds) throw ErrInsufficientFunds.wrap(err.message);
        throw err;
      }
    }
    ctx.eventManager.emit("tx", [
      ["fee", formatCoins(feeCoins)],
      ["fee_payer", feePayer],
    ]);

    // SetPubKey.
    const accounts: AnteAccount[] = [];
    tx.signers.forEach((signer, i) => {
      const info = tx.authInfo.signerInfos[i]!;
      let account = accountKeeper.getAccount(ctx, signer);
      if (account === undefined) throw ErrUnknownAddress.wrap(`account ${signer} does not exist`);
      if (info.publicKey !== undefined) {
        const key = decodeSecp256k1PubKey(info.publicKey);
        if (key === undefined) {
          if (!simulate) throw ErrInvalidPubKey.wrap(`unsupported public key type ${info.publicKey.typeUrl}`);
        } else if (!pubKeyHasAddress(key, mustParseAddress(signer, "signer"))) {
          // Signers are canonical addresses, so comparing bytes is comparing addresses (as the SDK does).
          if (!simulate) throw ErrInvalidPubKey.wrap(`pubKey does not match signer address ${signer} with signer index: ${i}`);
        } else if (account.pubKey === undefined) {
          account = { ...account, pubKey: key };
          accountKeeper.setAccount(ctx, account);
        }
      }
      accounts.push(account);
    });
    tx.signers.forEach((signer, i) => {
      ctx.eventManager.emit("tx", [["acc_seq", `${signer}/${accounts[i]!.sequence}`]]);
    });
    for (const sig of tx.signatures) {
      ctx.eventManager.emit("tx", [["signature", Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString("base64")]]);
    }

    // ValidateSigCount.
    if (tx.signers.length > params.txSigLimit) {
      throw ErrTooManySignatures.wrap(`signatures: ${tx.signers.length}, limit: ${params.txSigLimit}`);
    }

    // SigGasConsume.
    for (let i = 0; i < tx.signers.length; i++) {
      ctx.gasMeter.consume(params.sigVerifyCostSecp256k1, "ante verify: secp256k1");
    }

    // SigVerification.
    tx.signers.forEach((signer, i) => {
      const account = accounts[i]!;
      const info = tx.authInfo.signerInfos[i]!;
      if (!simulate && account.pubKey === undefined) throw ErrInvalidPubKey.wrap("pubkey on account is not set");
      if (!simulate) {
        const mode = info.modeInfo?.single?.mode;
        if (mode !== SignMode.SIGN_MODE_DIRECT) {
          throw ErrNotSupported.wrap(`unsupported sign mode ${mode === undefined ? "multisig" : SignMode[mode] ?? String(mode)}; only SIGN_MODE_DIRECT is accepted`);
        }
      }
      if (info.sequence !== account.sequence) {
        throw ErrWrongSequence.wrap(`account sequence mismatch, expected ${account.sequence}, got ${info.sequence}`);
      }
      if (simulate || ctx.isReCheckTx) return;
      const accountNumber = genesis ? 0n : account.accountNumber;
      const digest = signDocDigest(tx, ctx.chainId, accountNumber);
      if (!this.verify(ctx, digest, account.pubKey as Uint8Array, tx.signatures[i] as Uint8Array)) {
        throw ErrUnauthorized.wrap(
          `signature verification failed; please verify account number (${accountNumber}) and chain-id (${ctx.chainId}): (unable to verify single signer signature)`,
        );
      }
    });

    // IncrementSequence.
    for (const account of accounts) accountKeeper.setAccount(ctx, { ...account, sequence: account.sequence + 1n });

    return { gasWanted, fee: feeCoins };
  }

  /**
   * The signature checks this tx will need against the current state, for verifying ahead of the
   * ante handler (e.g. on worker threads). Best effort: anything that would fail earlier in the
   * ante chain is skipped, and the ante handler verifies whatever is not in the cache.
   */
  pendingSignatureChecks(ctx: Context, tx: DecodedTx): VerifyRequest[] {
    const requests: VerifyRequest[] = [];
    tx.signers.forEach((signer, i) => {
      const account = this.options.accountKeeper.getAccount(ctx, signer);
      const info = tx.authInfo.signerInfos[i];
      const signature = tx.signatures[i];
      if (account === undefined || info === undefined || signature === undefined) return;
      const pubkey = account.pubKey ?? (info.publicKey && decodeSecp256k1PubKey(info.publicKey));
      if (pubkey === undefined) return;
      const accountNumber = ctx.blockHeight === 0 ? 0n : account.accountNumber;
      const digest = signDocDigest(tx, ctx.chainId, accountNumber);
      if (!this.options.verificationCache.has(VerificationCache.key(digest, pubkey, signature))) {
        requests.push({ digest, pubkey, signature });
      }
    });
    return requests;
  }

  /** Records signatures verified elsewhere (worker threads) so the ante handler skips them. */
  recordVerified(request: VerifyRequest): void {
    this.options.verificationCache.add(VerificationCache.key(request.digest, request.pubkey, request.signature));
  }

  private verify(ctx: Context, digest: Uint8Array, pubkey: Uint8Array, signature: Uint8Array): boolean {
    const cache = this.options.verificationCache;
    const key = VerificationCache.key(digest, pubkey, signature);
    if (cache.has(key)) {
      // Once a tx is in a block its sequence is spent, so the entry cannot be hit again.
      if (ctx.mode === "finalize") cache.delete(key);
      return true;
    }
    const ok = verifySecp256k1Digest(pubkey, digest, signature);
    if (ok && ctx.isCheckTx) cache.add(key);
    return ok;
  }

  private checkMinGasPrices(feeCoins: readonly Coin[], gasWanted: number): void {
    const required = this.options.minGasPrices
      .filter((p) => p.price.numerator > 0n)
      .map((p) => ({ denom: p.denom, amount: ceilGasFee(p.price, gasWanted) }));
    if (required.length === 0) return;
    // sdk.Coins.IsAnyGTE: enough of any one of the accepted denoms.
    const enough = required.some((r) => (feeCoins.find((c) => c.denom === r.denom)?.amount ?? 0n) >= r.amount);
    if (!enough) {
      const sorted = [...required].sort((a, b) => (a.denom < b.denom ? -1 : a.denom > b.denom ? 1 : 0));
      throw ErrInsufficientFee.wrap(`insufficient fees; got: ${formatCoins(feeCoins)} required: ${formatCoins(sorted)}`);
    }
  }
}
