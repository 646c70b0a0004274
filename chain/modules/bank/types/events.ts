import type { Coin } from "../../../runtime/coins/coins.js";
import { formatCoins } from "../../../runtime/coins/coins.js";
import { makeEvent, type ChainEvent } from "../../../runtime/events/event-manager.js";

/** The SDK's bank events (x/bank/types/events.go), attribute for attribute. */
export function coinSpentEvent(spender: string, amount: readonly Coin[]): ChainEvent {
  return makeEvent("coin_spent", [
    ["spender", spender],
    ["amount", formatCoins(amount)],
  ]);
}

export function coinReceivedEvent(receiver: string, amount: readonly Coin[]): ChainEvent {
  return makeEvent("coin_received", [
    ["receiver", receiver],
    ["amount", formatCoins(amount)],
  ]);
}

export function transferEvent(recipient: string, sender: string, amount: readonly Coin[]): ChainEvent {
  return makeEvent("transfer", [
    ["recipient", recipient],
    ["sender", sender],
    ["amount", formatCoins(amount)],
  ]);
}

export function messageSenderEvent(sender: string): ChainEvent {
  return makeEvent("message", [["sender", sender]]);
}
