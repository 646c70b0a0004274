// What the RPC's tx and tx_search read: the index finds positions, and the txs and their results
// come from the block store, which holds them already (the index does not keep a copy).
import { ExecTxResult, TxResult } from "cosmjs-types/tendermint/abci/types";
import { txResultsOf, txsOf } from "./block-store.js";
import type { Query } from "./query.js";
import { positionHeightIndex, type BlockSearchResult, type IndexedTx, type RawSearchResult, type SearchResult } from "./tx-index.js";

export interface TxLookup {
  getByHash(hash: Uint8Array): Promise<TxResult | undefined>;
  search(q: Query, page: number, perPage: number, desc: boolean): Promise<SearchResult>;
  /** The index also keeps each block's own events, for block_search. */
  searchBlocks(q: Query, base: bigint, top: bigint, page: number, perPage: number, desc: boolean): Promise<BlockSearchResult>;
}

/** The index's side: positions of txs, and heights of blocks. */
export interface TxPositions {
  getByHash(hash: Uint8Array): Promise<IndexedTx | undefined>;
  search(q: Query, page: number, perPage: number, desc: boolean): Promise<RawSearchResult>;
  searchBlocks(q: Query, base: bigint, top: bigint, page: number, perPage: number, desc: boolean): Promise<BlockSearchResult>;
}

/** The block store's side: a committed block's encoded Block and ResponseFinalizeBlock. */
export interface CommittedBlocks {
  blockBytes(height: bigint): Promise<Uint8Array | undefined>;
  resultsBytes(height: bigint): Promise<Uint8Array | undefined>;
}

export class IndexedTxLookup implements TxLookup {
  constructor(
    private readonly positions: TxPositions,
    private readonly blocks: CommittedBlocks,
  ) {}

  async getByHash(hash: Uint8Array): Promise<TxResult | undefined> {
    const found = await this.positions.getByHash(hash);
    return found === undefined ? undefined : (await this.read([found]))[0];
  }

  async search(q: Query, page: number, perPage: number, desc: boolean): Promise<SearchResult> {
    const r = await this.positions.search(q, page, perPage, desc);
    return { total: r.total, txs: (await this.read(r.txs)).filter((t): t is TxResult => t !== undefined) };
  }

  searchBlocks(q: Query, base: bigint, top: bigint, page: number, perPage: number, desc: boolean): Promise<BlockSearchResult> {
    return this.positions.searchBlocks(q, base, top, page, perPage, desc);
  }

  /** Each found tx as a TxResult; a page's txs from one block split that block's bytes once. */
  private async read(found: readonly IndexedTx[]): Promise<(TxResult | undefined)[]> {
    const blocks = new Map<bigint, Promise<{ txs: Uint8Array[]; results: Uint8Array[] } | undefined>>();
    const split = (height: bigint) => {
      let b = blocks.get(height);
      if (b === undefined) {
        b = Promise.all([this.blocks.blockBytes(height), this.blocks.resultsBytes(height)]).then(([block, results]) =>
          block === undefined || results === undefined ? undefined : { txs: txsOf(block), results: txResultsOf(results) },
        );
        blocks.set(height, b);
      }
      return b;
    };
    return Promise.all(
      found.map(async ({ position, stored }) => {
        // A row from before the index stopped copying txs holds the whole TxResult.
        if (stored.length > 0) return TxResult.decode(stored);
        const { height, index } = positionHeightIndex(position);
        const b = await split(height);
        const tx = b?.txs[index];
        const result = b?.results[index];
        if (tx === undefined || result === undefined) return undefined;
        return { height, index, tx, result: ExecTxResult.decode(result) };
      }),
    );
  }
}
