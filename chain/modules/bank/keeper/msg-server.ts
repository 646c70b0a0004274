import { MsgSend, MsgSendResponse } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { encodeAddress } from "../../../runtime/address/bech32-address.js";
import { moduleAddressBytes } from "../../../runtime/address/derive.js";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import { parseCoins } from "../../../runtime/coins/coins.js";
import { readerOver } from "../../../runtime/codec/cosmjs-types-codec.js";
import type { Context } from "../../../runtime/context/context.js";
import type { MsgRoute } from "../../../runtime/router/msg-router.js";
import { COIN_SCHEMA, type Schema } from "../../../runtime/tx/unknown-fields.js";
import { ErrInvalidAddress, ErrInvalidCoins, ErrUnauthorized } from "../types/errors.js";
import { MODULE_NAME, MSG_SEND_RESPONSE_TYPE_URL, MSG_SEND_TYPE_URL } from "../types/keys.js";
import type { BankKeeper } from "./keeper.js";

/** cosmos.bank.v1beta1.MsgSend's fields: from_address, to_address, amount. */
const MSG_SEND_SCHEMA: Schema = { 1: { wire: 2 }, 2: { wire: 2 }, 3: { wire: 2, message: COIN_SCHEMA } };

function requireAddress(address: string, field: string): string {
  const parsed = parseAddress(address);
  if (!parsed.ok) throw ErrInvalidAddress.wrap(`invalid ${field} address: ${parsed.error.message}`);
  return parsed.address;
}

/**
 * cosmos.bank.v1beta1.Msg/Send. Module accounts may not receive sends (the SDK's blocked
 * addresses), so `blockedModules` lists the module names whose accounts are refused.
 */
export function msgSendRoute(keeper: BankKeeper, blockedModules: readonly string[]): MsgRoute<MsgSend> {
  const blocked = new Set(blockedModules.map((m) => encodeAddress(moduleAddressBytes(m))));
  return {
    typeUrl: MSG_SEND_TYPE_URL,
    module: MODULE_NAME,
    signerField: "from_address",
    schema: MSG_SEND_SCHEMA,
    // A message's bytes are a view into its tx's, which nothing mutates: no private copy.
    decode: (bytes) => MsgSend.decode(readerOver(bytes)),
    validateBasic(msg) {
      requireAddress(msg.fromAddress, "from");
      requireAddress(msg.toAddress, "to");
      const coins = parseCoins(msg.amount);
      if (coins.length === 0) throw ErrInvalidCoins.wrap("send amount must not be empty");
    },
    handle(ctx: Context, msg) {
      const from = requireAddress(msg.fromAddress, "from");
      const to = requireAddress(msg.toAddress, "to");
      const coins = parseCoins(msg.amount);
      if (coins.length === 0) throw ErrInvalidCoins.wrap("send amount must not be empty");
      keeper.assertSendEnabled(ctx, coins);
      if (blocked.has(to)) throw ErrUnauthorized.wrap(`${to} is not allowed to receive funds`);
      keeper.sendCoins(ctx, from, to, coins);
      return { response: { typeUrl: MSG_SEND_RESPONSE_TYPE_URL, value: MsgSendResponse.encode({}).finish() } };
    },
  };
}
