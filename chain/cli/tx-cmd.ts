import { createHash } from "node:crypto";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import secp256k1 from "secp256k1";
import { parseAddress } from "../runtime/address/bech32-address.js";
// Signs the SignDoc bytes the ante handler hashes (cosmjs-types' int64 fix; see the module).
import "../runtime/codec/cosmjs-types-codec.js";
import { parseCommand, requireFlag } from "./args.js";
import { CliError, UsageError } from "./errors.js";
import { parseCoinList } from "./genesis-cmd.js";
import type { SigningKey } from "./keyring.js";
import { keyringOptions, keyringPassphrase, openKeyring } from "./passphrase.js";
import { abciQuery, rpcCall } from "./rpc-client.js";

const USAGE =
  "precisiond tx bank send FROM_KEY TO_ADDRESS COINS --chain-id ID [--node http://127.0.0.1:26657] [--fees 2500uusd] [--gas 200000|auto] [--memo TEXT] (--home DIR | --keyring-dir DIR) [--keyring-passphrase-file FILE]";
const GAS_ADJUSTMENT = 1.4;

interface SendInput {
  key: SigningKey;
  to: string;
  amount: { denom: string; amount: string }[];
  fees: { denom: string; amount: string }[];
  gas: bigint;
  memo: string;
  chainId: string;
  accountNumber: bigint;
  sequence: bigint;
}

function buildTx(input: SendInput, sign: boolean): Uint8Array {
  const bodyBytes = TxBody.encode(
    TxBody.fromPartial({
      memo: input.memo,
      messages: [
        {
          typeUrl: "/cosmos.bank.v1beta1.MsgSend",
          value: MsgSend.encode({
            fromAddress: input.key.address,
            toAddress: input.to,
            amount: input.amount,
          }).finish(),
        },
      ],
    }),
  ).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: {
            typeUrl: "/cosmos.crypto.secp256k1.PubKey",
            value: PubKey.encode({ key: input.key.publicKey }).finish(),
          },
          modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
          sequence: input.sequence,
        },
      ],
      fee: { amount: input.fees, gasLimit: input.gas },
    }),
  ).finish();
  let signature: Uint8Array = new Uint8Array();
  if (sign) {
    const doc = SignDoc.encode({
      bodyBytes,
      authInfoBytes,
      chainId: input.chainId,
      accountNumber: input.accountNumber,
    }).finish();
    signature = secp256k1.ecdsaSign(
      createHash("sha256").update(doc).digest(),
      input.key.privateKey,
    ).signature;
  }
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}

async function account(node: string, address: string): Promise<BaseAccount> {
  let bytes: Uint8Array;
  try {
    bytes = await abciQuery(
      node,
      "/cosmos.auth.v1beta1.Query/Account",
      QueryAccountRequest.encode({ address }).finish(),
    );
  } catch (err) {
    if (/NotFound/.test((err as Error).message))
      throw new CliError(`account ${address} does not exist on chain yet; send it some uusd first`);
    throw err;
  }
  const any = QueryAccountResponse.decode(bytes).account;
  if (any?.typeUrl !== "/cosmos.auth.v1beta1.BaseAccount")
    throw new CliError(`unexpected account type ${any?.typeUrl}`);
  return BaseAccount.decode(any.value);
}

export async function txCommand(
  argv: readonly string[],
  out: (line: string) => void,
): Promise<number> {
  const [module, action, ...rest] = argv;
  if (module !== "bank" || action !== "send")
    throw new UsageError(
      `unknown tx command ${JSON.stringify([module, action].filter(Boolean).join(" "))}\n\nUsage: ${USAGE}`,
    );
  const { values, positionals } = parseCommand(
    rest,
    {
      ...keyringOptions,
      node: { type: "string", default: "http://127.0.0.1:26657" },
      "chain-id": { type: "string" },
      fees: { type: "string", default: "" },
      gas: { type: "string", default: "200000" },
      memo: { type: "string", default: "" },
    },
    ["FROM_KEY", "TO_ADDRESS", "COINS"],
    USAGE,
  );
  const [fromKey, toText, coinsText] = positionals as [string, string, string];
  const chainId = requireFlag(values["chain-id"], "--chain-id", USAGE);
  const to = parseAddress(toText);
  if (!to.ok) throw new UsageError(`invalid TO_ADDRESS: ${to.error.message}`);
  if (!/^(auto|\d{1,12})$/.test(values.gas))
    throw new UsageError(`--gas must be a number or auto, got ${JSON.stringify(values.gas)}`);
  if (values.memo.length > 256) throw new UsageError("--memo must be at most 256 characters");
  const key = await openKeyring(values).unlock(fromKey, keyringPassphrase(values));
  const acc = await account(values.node, key.address);
  const input: SendInput = {
    key,
    to: to.address,
    amount: parseCoinList(coinsText),
    fees: values.fees ? parseCoinList(values.fees) : [],
    gas: values.gas === "auto" ? 0n : BigInt(values.gas),
    memo: values.memo,
    chainId,
    accountNumber: acc.accountNumber,
    sequence: acc.sequence,
  };
  if (values.gas === "auto") {
    const simulated = SimulateResponse.decode(
      await abciQuery(
        values.node,
        "/cosmos.tx.v1beta1.Service/Simulate",
        SimulateRequest.encode(
          SimulateRequest.fromPartial({ txBytes: buildTx(input, false) }),
        ).finish(),
      ),
    );
    input.gas = BigInt(Math.ceil(Number(simulated.gasInfo?.gasUsed ?? 0n) * GAS_ADJUSTMENT));
  }
  const result = await rpcCall<{ code?: number; codespace?: string; log?: string; hash: string }>(
    values.node,
    "broadcast_tx_sync",
    {
      tx: Buffer.from(buildTx(input, true)).toString("base64"),
    },
  );
  out(
    JSON.stringify(
      {
        txhash: result.hash,
        code: result.code ?? 0,
        codespace: result.codespace ?? "",
        raw_log: result.log ?? "",
        gas_wanted: input.gas.toString(),
      },
      null,
      2,
    ),
  );
  return (result.code ?? 0) === 0 ? 0 : 1;
}
