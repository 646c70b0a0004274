/**
 * auth emits no events of its own. The ante handler (runtime/ante) emits the `tx` events
 * (fee, fee_payer, acc_seq, signature) for every transaction.
 */
export const EVENT_TYPE_TX = "tx";
