// ABCI 2.0 socket server: lets real CometBFT 0.38 validators drive the same Application the
// embedded engine drives. Each connection is answered strictly in order; calls into the app are
// serialised across connections, as CometBFT's own local client does with its global mutex.
import { createServer, type Server, type Socket } from "node:net";
import { BinaryWriter } from "cosmjs-types/binary";
import {
  Request,
  Response,
  type ResponseFinalizeBlock,
  ResponseOfferSnapshot_Result,
  ResponseApplySnapshotChunk_Result,
  ResponseVerifyVoteExtension_VerifyStatus,
} from "cosmjs-types/tendermint/abci/types";
import type { Application } from "../../runtime/abci/application.js";
import { encodeFinalizeBlock } from "../block-store.js";
import { encodeFrame, FrameDecoder } from "./framing.js";

export interface AbciServerOptions {
  readonly app: Application;
  /** tcp://host:port or unix:///path/to.sock */
  readonly address: string;
  readonly log?: (line: string) => void;
}

export interface AbciServer {
  readonly address: string;
  close(): Promise<void>;
}

function listenTarget(address: string): { port: number; host: string } | { path: string } {
  const tcp = /^tcp:\/\/([^:/]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(address);
  if (tcp) return { host: tcp[1]!.replace(/^\[|\]$/g, ""), port: Number(tcp[2]) };
  const unix = /^unix:\/\/(\/.+)$/.exec(address);
  if (unix) return { path: unix[1]! };
  throw new Error(
    `ABCI address must be tcp://host:port or unix:///path, got ${JSON.stringify(address)}`,
  );
}

/**
 * Response{finalize_block}, byte for byte as Response.encode writes it, with each tx result taken
 * as the app already encoded it: going through Response.fromPartial would copy every result and
 * decode its events again, only to encode them once more.
 */
export function encodeFinalizeBlockResponse(r: ResponseFinalizeBlock): Uint8Array {
  const w = BinaryWriter.create();
  w.uint32(170).bytes(encodeFinalizeBlock(r));
  return w.finish();
}

/** The answer to one request: a Response, or one already encoded. */
async function dispatch(app: Application, req: Request): Promise<Response | Uint8Array> {
  if (req.echo) return Response.fromPartial({ echo: { message: req.echo.message } });
  if (req.flush) return Response.fromPartial({ flush: {} });
  if (req.info) return Response.fromPartial({ info: await app.info(req.info) });
  if (req.initChain) return Response.fromPartial({ initChain: await app.initChain(req.initChain) });
  if (req.query) return Response.fromPartial({ query: await app.query(req.query) });
  if (req.checkTx) return Response.fromPartial({ checkTx: await app.checkTx(req.checkTx) });
  if (req.prepareProposal)
    return Response.fromPartial({
      prepareProposal: await app.prepareProposal(req.prepareProposal),
    });
  if (req.processProposal)
    return Response.fromPartial({
      processProposal: await app.processProposal(req.processProposal),
    });
  if (req.finalizeBlock) return encodeFinalizeBlockResponse(await app.finalizeBlock(req.finalizeBlock));
  // CometBFT keeps the blocks itself, so the app commits only its state.
  if (req.commit) return Response.fromPartial({ commit: await app.commit() });
  // Vote extensions are not used: empty extension, always accepted.
  if (req.extendVote)
    return Response.fromPartial({ extendVote: { voteExtension: new Uint8Array() } });
  if (req.verifyVoteExtension) {
    return Response.fromPartial({
      verifyVoteExtension: { status: ResponseVerifyVoteExtension_VerifyStatus.ACCEPT },
    });
  }
  // State sync is not offered: no snapshots, and any offered one is rejected.
  if (req.listSnapshots) return Response.fromPartial({ listSnapshots: { snapshots: [] } });
  if (req.offerSnapshot)
    return Response.fromPartial({ offerSnapshot: { result: ResponseOfferSnapshot_Result.REJECT } });
  if (req.loadSnapshotChunk)
    return Response.fromPartial({ loadSnapshotChunk: { chunk: new Uint8Array() } });
  if (req.applySnapshotChunk) {
    return Response.fromPartial({
      applySnapshotChunk: { result: ResponseApplySnapshotChunk_Result.ABORT },
    });
  }
  throw new Error("unknown or empty ABCI request");
}

export async function startAbciServer(options: AbciServerOptions): Promise<AbciServer> {
  const log = options.log ?? (() => {});
  const sockets = new Set<Socket>();
  let appQueue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = appQueue.then(fn, fn);
    appQueue = next.catch(() => {});
    return next;
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const decoder = new FrameDecoder();
    let chain: Promise<void> = Promise.resolve();
    let pending: Uint8Array[] = [];
    const fail = (err: unknown) => {
      const message = (err as Error)?.message ?? String(err);
      log(`abci: closing connection after an exception: ${message}`);
      socket.end(
        encodeFrame(
          Response.encode(Response.fromPartial({ exception: { error: message } })).finish(),
        ),
      );
    };
    socket.on("data", (chunk: Buffer) => {
      let frames: Uint8Array[];
      try {
        frames = decoder.push(chunk);
      } catch (err) {
        fail(err);
        return;
      }
      for (const frame of frames) {
        chain = chain.then(async () => {
          if (socket.destroyed || socket.writableEnded) return;
          try {
            const req = Request.decode(frame);
            const res = req.flush
              ? Response.fromPartial({ flush: {} })
              : await serialised(() => dispatch(options.app, req));
            pending.push(encodeFrame(res instanceof Uint8Array ? res : Response.encode(res).finish()));
            if (req.flush) {
              socket.write(Buffer.concat(pending));
              pending = [];
            }
          } catch (err) {
            if (pending.length) socket.write(Buffer.concat(pending));
            pending = [];
            fail(err);
          }
        });
      }
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => sockets.delete(socket));
  });

  const target = listenTarget(options.address);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const done = () => (server.off("error", reject), resolve());
    if ("path" in target) server.listen(target.path, done);
    else server.listen(target.port, target.host, done);
  });
  const bound = server.address();
  const address =
    typeof bound === "string" ? `unix://${bound}` : `tcp://${bound?.address}:${bound?.port}`;
  log(`abci: serving on ${address}`);
  return {
    address,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await appQueue;
    },
  };
}
