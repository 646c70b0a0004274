import { compareBytes, equalBytes } from "./bytes.js";
import { EMPTY_HASH, innerHash, leafHash, pathBit } from "./hash.js";

/**
 * The in-memory form of the state tree: a binary Patricia Merkle tree over the 256-bit paths
 * sha256(key). A leaf sits at the shallowest depth where its subtree holds no other leaf; an inner
 * node exists only where its subtree holds two or more leaves. That shape depends only on the set
 * of keys, so equal states give equal roots whatever the order of writes. Nodes are immutable and
 * shared between versions: an update rebuilds only the paths it touches.
 */
export interface Leaf {
  readonly kind: 0;
  readonly hash: Uint8Array;
  readonly keyHash: Uint8Array;
  readonly valueHash: Uint8Array;
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

export interface Inner {
  readonly kind: 1;
  readonly hash: Uint8Array;
  readonly left: TreeNode | null;
  readonly right: TreeNode | null;
}

export type TreeNode = Leaf | Inner;

/** A write to apply: `value === undefined` deletes. */
export interface TreeOp {
  readonly keyHash: Uint8Array;
  readonly key: Uint8Array;
  readonly value: Uint8Array | undefined;
  readonly valueHash: Uint8Array | undefined;
}

export function nodeHash(node: TreeNode | null): Uint8Array {
  return node === null ? EMPTY_HASH : node.hash;
}

export function makeLeaf(
  keyHash: Uint8Array,
  key: Uint8Array,
  value: Uint8Array,
  valueHash: Uint8Array,
): Leaf {
  return { kind: 0, hash: leafHash(keyHash, valueHash), keyHash, valueHash, key, value };
}

/**
 * Applies a batch of writes to the tree rooted at `root` and returns the new root. `created`
 * receives every node made for the new version (the ones commit must persist). Each new node is
 * hashed exactly once, bottom-up.
 */
export function applyOps(
  root: TreeNode | null,
  ops: TreeOp[],
  created: TreeNode[],
): TreeNode | null {
  // Sort on the first 48 bits as a number; full comparison only on a tie.
  const keyed = ops.map((op) => {
    const h = op.keyHash;
    const hi = (((h[0] as number) << 16) | ((h[1] as number) << 8) | (h[2] as number)) * 2 ** 24;
    return { op, p: hi + (((h[3] as number) << 16) | ((h[4] as number) << 8) | (h[5] as number)) };
  });
  keyed.sort((a, b) => a.p - b.p || compareBytes(a.op.keyHash, b.op.keyHash));
  const sorted = keyed.map((k) => k.op);
  for (let i = 1; i < sorted.length; i++) {
    if (equalBytes((sorted[i - 1] as TreeOp).keyHash, (sorted[i] as TreeOp).keyHash)) {
      throw new Error("applyOps: two writes to the same key in one batch");
    }
  }
  return new Updater(sorted, created).update(root, 0, 0, sorted.length);
}

class Updater {
  constructor(
    private readonly ops: TreeOp[],
    private readonly created: TreeNode[],
  ) {}

  update(node: TreeNode | null, depth: number, lo: number, hi: number): TreeNode | null {
    if (lo === hi) return node;
    if (node === null || node.kind === 0) {
      if (node !== null && hi - lo === 1) {
        const op = this.ops[lo] as TreeOp;
        if (
          equalBytes(op.keyHash, node.keyHash) &&
          op.valueHash !== undefined &&
          equalBytes(op.valueHash, node.valueHash)
        ) {
          return node;
        }
      }
      const leaves = this.leavesOf(lo, hi, node);
      return this.build(leaves, depth, 0, leaves.length);
    }
    const mid = this.split(depth, lo, hi);
    const left = this.update(node.left, depth + 1, lo, mid);
    const right = this.update(node.right, depth + 1, mid, hi);
    if (left === node.left && right === node.right) return node;
    return this.join(left, right);
  }

  /** The sorted leaves of a subtree after applying ops[lo, hi) to it, given its one existing leaf. */
  private leavesOf(lo: number, hi: number, existing: Leaf | null): Leaf[] {
    const out: Leaf[] = [];
    let pending = existing;
    for (let i = lo; i < hi; i++) {
      const op = this.ops[i] as TreeOp;
      if (pending !== null) {
        const c = compareBytes(pending.keyHash, op.keyHash);
        if (c < 0) {
          out.push(pending);
          pending = null;
        } else if (c === 0) {
          pending = null;
        }
      }
      if (op.value !== undefined && op.valueHash !== undefined) {
        const leaf = makeLeaf(op.keyHash, op.key, op.value, op.valueHash);
        this.created.push(leaf);
        out.push(leaf);
      }
    }
    if (pending !== null) out.push(pending);
    return out;
  }

  private build(leaves: Leaf[], depth: number, lo: number, hi: number): TreeNode | null {
    if (hi - lo === 0) return null;
    if (hi - lo === 1) return leaves[lo] as Leaf;
    if (depth >= 256) throw new Error("state tree: sha256 collision between two keys");
    let mid = lo;
    while (mid < hi && pathBit((leaves[mid] as Leaf).keyHash, depth) === 0) mid++;
    return this.join(
      this.build(leaves, depth + 1, lo, mid),
      this.build(leaves, depth + 1, mid, hi),
    );
  }

  /** An inner node over two subtrees, or the lone leaf lifted up when its sibling is empty. */
  private join(left: TreeNode | null, right: TreeNode | null): TreeNode | null {
    if (left === null && (right === null || right.kind === 0)) return right;
    if (right === null && left !== null && left.kind === 0) return left;
    const node: Inner = { kind: 1, hash: innerHash(nodeHash(left), nodeHash(right)), left, right };
    this.created.push(node);
    return node;
  }

  /** First index in [lo, hi) whose path has bit `depth` set (ops are sorted, so bits are monotone). */
  private split(depth: number, lo: number, hi: number): number {
    let a = lo;
    let b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (pathBit((this.ops[m] as TreeOp).keyHash, depth) === 0) a = m + 1;
      else b = m;
    }
    return a;
  }
}
