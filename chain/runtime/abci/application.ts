/**
 * The ABCI 2.0 surface of the Precision application. The embedded engine and the ABCI socket
 * server both drive the app only through this interface, with CometBFT 0.38's own message types,
 * so that a block replayed by either gives the same app hash.
 */
import type {
  RequestCheckTx,
  RequestFinalizeBlock,
  RequestInfo,
  RequestInitChain,
  RequestPrepareProposal,
  RequestProcessProposal,
  RequestQuery,
  ResponseCheckTx,
  ResponseCommit,
  ResponseFinalizeBlock,
  ResponseInfo,
  ResponseInitChain,
  ResponsePrepareProposal,
  ResponseProcessProposal,
  ResponseQuery,
} from "cosmjs-types/tendermint/abci/types";

/** One put or delete that must land in the same atomic write as the state of a block. */
export type BatchOp =
  | { readonly type: "put"; readonly key: Uint8Array; readonly value: Uint8Array }
  | { readonly type: "del"; readonly key: Uint8Array };

export interface Application {
  info(req: RequestInfo): Promise<ResponseInfo>;
  initChain(req: RequestInitChain): Promise<ResponseInitChain>;
  query(req: RequestQuery): Promise<ResponseQuery>;
  checkTx(req: RequestCheckTx): Promise<ResponseCheckTx>;
  /**
   * Optional and not part of ABCI: starts the work a later CheckTx of `tx` can do ahead of the
   * state it runs against (decoding, signature verification on worker threads). The embedded
   * engine calls it for txs that arrive while the mempool is locked around Commit, so that time
   * is not lost. It must not change what CheckTx answers.
   */
  prepareCheckTx?(tx: Uint8Array): void;
  /**
   * Optional and not part of ABCI: what CheckTx would answer for `tx` now, run against a
   * throwaway branch of the check state, so nothing is admitted and no sequence moves. The
   * embedded engine serves CometBFT's `check_tx` RPC with it (CometBFT calls CheckTx itself,
   * which with a Cosmos SDK app spends the signer's sequence in the check state).
   */
  checkTxDryRun?(tx: Uint8Array): Promise<ResponseCheckTx>;
  prepareProposal(req: RequestPrepareProposal): Promise<ResponsePrepareProposal>;
  processProposal(req: RequestProcessProposal): Promise<ResponseProcessProposal>;
  finalizeBlock(req: RequestFinalizeBlock): Promise<ResponseFinalizeBlock>;
  /**
   * Persists the state of the last finalized block. `sidecar` holds the engine's own writes for
   * that block (block store, results); they are written in the same atomic batch so a
   * crash at any point leaves either all of the block or none of it.
   */
  commit(sidecar?: readonly BatchOp[]): Promise<ResponseCommit>;
  /**
   * Optional and not part of ABCI: Commit in two steps. When it returns, CheckTx already runs
   * against the committed block, while the block's write to disk is still in flight; `durable`
   * settles as `commit` would. Queries keep answering at the previous height until it settles.
   * The embedded engine rechecks its mempool and admits new txs during the write instead of
   * holding them, and reports the block only once it is durable.
   */
  beginCommit?(sidecar?: readonly BatchOp[]): { readonly durable: Promise<ResponseCommit> };
  close(): Promise<void>;
}
