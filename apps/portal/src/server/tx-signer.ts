import "server-only";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, type DeliverTxResponse } from "@cosmjs/stargate";
import { createRegistry, walletFromMnemonic } from "@precision/client";
import { env } from "@/env.ts";
import { FhirError } from "./fhir/outcome.ts";

const GAS_PRICE = GasPrice.fromString("0.025uusd");

// One account's txs go out one at a time: two in flight would read the same sequence and one
// would be refused. Keyed by account address; the chain settles order across processes.
const queues = new Map<string, Promise<unknown>>();

function inTurn<T>(address: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(address) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  queues.set(address, next);
  void next.finally(() => {
    if (queues.get(address) === next) queues.delete(address);
  }).catch(() => undefined);
  return next;
}

/** Gas multiplier of the one retry after an out-of-gas failure ("auto" uses 1.4). */
const RETRY_GAS_MULTIPLIER = 2;

/** SDK code 11: the tx used more gas than its limit. */
function ranOutOfGas(result: DeliverTxResponse): boolean {
  return result.code === 11 && result.gasUsed >= result.gasWanted;
}

/** Signs and broadcasts as a staff member (fee "auto"); waits for the block. */
export async function broadcastAs(mnemonic: string, messages: readonly EncodeObject[], memo = ""): Promise<DeliverTxResponse> {
  const wallet = await walletFromMnemonic(mnemonic);
  const [account] = await wallet.getAccounts();
  return inTurn(account!.address, async () => {
    let client: SigningStargateClient;
    try {
      client = await SigningStargateClient.connectWithSigner(env().CHAIN_RPC_URL, wallet, { registry: createRegistry(), gasPrice: GAS_PRICE, broadcastPollIntervalMs: 200 });
    } catch (err) {
      throw FhirError.of(503, "transient", `the chain node did not answer: ${(err as Error).message}`);
    }
    try {
      const result = await client.signAndBroadcast(account!.address, [...messages], "auto", memo);
      if (!ranOutOfGas(result)) return result;
      // "auto" estimates against the state of the moment; a tx of another signer in the same block
      // (two organisations releasing keys to one grant) can make this one write more. A tx that
      // failed in its block changed nothing but its fee and sequence, so it is safe to re-estimate.
      return await client.signAndBroadcast(account!.address, [...messages], RETRY_GAS_MULTIPLIER, memo);
    } finally {
      client.disconnect();
    }
  });
}
