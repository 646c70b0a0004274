import type { Coin } from "../../../runtime/coins/coins.js";
import { formatCoins } from "../../../runtime/coins/coins.js";
import type { ChainEvent, EventAttribute } from "../../../runtime/events/event-manager.js";

// Built as plain objects: every transfer emits several of these (the fee's and the message's).
const indexed = (key: string, value: string): EventAttribute => ({ key, value, index: true });

/** The SDK's bank events (x/bank/types/events.go), attribute for attribute. */
export function coinSpentEvent(spender: string, amount: readonly Coin[]): ChainEvent {
  return { type: "coin_spent", attributes: [indexed("spender", spender), indexed("amount", formatCoins(amount))] };
}

export function coinReceivedEvent(receiver: string, amount: readonly Coin[]): ChainEvent {
  return { type: "coin_received", attributes: [indexed("receiver", receiver), indexed("amount", formatCoins(amount))] };
}

export function transferEvent(recipient: string, sender: string, amount: readonly Coin[]): ChainEvent {
  return {
    type: "transfer",
    attributes: [indexed("recipient", recipient), indexed("sender", sender), indexed("amount", formatCoins(amount))],
  };
}

export function messageSenderEvent(sender: string): ChainEvent {
  return { type: "message", attributes: [indexed("sender", sender)] };
}
