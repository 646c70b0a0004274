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
      return await client.signAndBroadcast(account!.address, [...messages], "auto", memo);
    } finally {
      client.disconnect();
    }
  });
}
