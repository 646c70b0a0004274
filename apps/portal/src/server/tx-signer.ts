import "server-only";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, type DeliverTxResponse } from "@cosmjs/stargate";
import { createRegistry, walletFromMnemonic } from "@precision/client";
import { env } from "@/env.ts";
import { FhirError } from "./fhir/outcome.ts";

const GAS_PRICE = GasPrice.fromString("0.025uusd");

/** Signs and broadcasts as a staff member (fee "auto"); waits for the block. */
export async function broadcastAs(mnemonic: string, messages: readonly EncodeObject[], memo = ""): Promise<DeliverTxResponse> {
  const wallet = await walletFromMnemonic(mnemonic);
  const [account] = await wallet.getAccounts();
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
}
