import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
} from "cosmjs-types/cosmos/bank/v1beta1/query";
import { TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { parseAddress } from "../runtime/address/bech32-address.js";
import { parseCommand, requireFlag } from "./args.js";
import { UsageError } from "./errors.js";
import { abciQuery, rpcCall } from "./rpc-client.js";

const BALANCES_USAGE = "precisiond query bank balances ADDRESS [--node http://127.0.0.1:26657]";
const TX_USAGE = "precisiond query tx HASH [--node http://127.0.0.1:26657]";
const nodeOption = { node: { type: "string", default: "http://127.0.0.1:26657" } } as const;

interface TxResult {
  hash: string;
  height: string;
  index: number;
  tx: string;
  tx_result: {
    code?: number;
    codespace?: string;
    log?: string;
    gas_wanted?: string;
    gas_used?: string;
    events?: unknown[];
  };
}

export async function queryCommand(
  argv: readonly string[],
  out: (line: string) => void,
): Promise<void> {
  const [module, what, ...rest] = argv;
  if (module === "bank" && what === "balances") {
    const { values, positionals } = parseCommand(rest, nodeOption, ["ADDRESS"], BALANCES_USAGE);
    const parsed = parseAddress(positionals[0]!);
    if (!parsed.ok) throw new UsageError(`invalid address: ${parsed.error.message}`);
    const bytes = await abciQuery(
      requireFlag(values.node, "--node", BALANCES_USAGE),
      "/cosmos.bank.v1beta1.Query/AllBalances",
      QueryAllBalancesRequest.encode(
        QueryAllBalancesRequest.fromPartial({ address: parsed.address }),
      ).finish(),
    );
    const response = QueryAllBalancesResponse.decode(bytes);
    out(
      JSON.stringify(
        { balances: response.balances.map((c) => ({ denom: c.denom, amount: c.amount })) },
        null,
        2,
      ),
    );
    return;
  }
  if (module === "tx") {
    const { values, positionals } = parseCommand(
      what === undefined ? [] : [what, ...rest],
      nodeOption,
      ["HASH"],
      TX_USAGE,
    );
    const hash = positionals[0]!;
    if (!/^[0-9a-fA-F]{64}$/.test(hash))
      throw new UsageError(`HASH must be 64 hex characters, got ${JSON.stringify(hash)}`);
    const result = await rpcCall<TxResult>(requireFlag(values.node, "--node", TX_USAGE), "tx", {
      hash: Buffer.from(hash, "hex").toString("base64"),
    });
    const raw = TxRaw.decode(Buffer.from(result.tx, "base64"));
    const body = TxBody.decode(raw.bodyBytes);
    out(
      JSON.stringify(
        {
          txhash: result.hash,
          height: result.height,
          index: result.index,
          code: result.tx_result.code ?? 0,
          codespace: result.tx_result.codespace ?? "",
          raw_log: result.tx_result.log ?? "",
          gas_wanted: result.tx_result.gas_wanted ?? "0",
          gas_used: result.tx_result.gas_used ?? "0",
          memo: body.memo,
          messages: body.messages.map((m) => m.typeUrl),
          events: result.tx_result.events ?? [],
        },
        null,
        2,
      ),
    );
    return;
  }
  throw new UsageError(
    `unknown query ${JSON.stringify([module, what].filter(Boolean).join(" "))}\n\nUsage:\n  ${BALANCES_USAGE}\n  ${TX_USAGE}`,
  );
}
