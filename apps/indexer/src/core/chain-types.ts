// The JSON shapes of the CometBFT 0.38 RPC answers the indexer reads.

export interface RpcEventAttribute {
  key: string;
  value: string;
  index?: boolean;
}

export interface RpcEvent {
  type: string;
  attributes: RpcEventAttribute[] | null;
}

export interface RpcBlock {
  block_id: { hash: string };
  block: {
    header: { height: string; time: string; proposer_address: string; app_hash: string; chain_id: string };
    data: { txs: string[] | null };
  };
}

export interface RpcTxResult {
  code?: number;
  codespace?: string;
  log?: string;
  gas_wanted?: string;
  gas_used?: string;
  events: RpcEvent[] | null;
}

export interface RpcBlockResults {
  height: string;
  txs_results: RpcTxResult[] | null;
  finalize_block_events: RpcEvent[] | null;
  app_hash: string;
}

export interface RpcStatus {
  sync_info: { latest_block_height: string; earliest_block_height: string };
  node_info: { network: string };
}

export interface RpcAbciQuery {
  response: { code?: number; log?: string; value?: string | null; height?: string };
}

export interface RpcGenesis {
  genesis: { initial_height: string; app_state: Record<string, unknown> };
}
