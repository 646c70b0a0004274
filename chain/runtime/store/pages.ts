import { EMPTY_HASH, innerHash, leafHash } from "./hash.js";
import type { TreeNode } from "./smt.js";

/**
 * Tree nodes are persisted in pages: one row per inner node at a depth that is a multiple of 4,
 * holding the binary subtree below it down to the next such depth (up to 15 inner nodes).
 * Leaves are written inline in their parent's page and, with their key and value, in a row of
 * their own. This is how Jellyfish stores a binary tree in 16-way nodes: about a third of the
 * rows of one row per node, with the same hashes, roots and proofs.
 *
 * Page record: 0x10, then the subtree in pre-order:
 *   0x02                                   empty subtree
 *   0x00 sha256(key) sha256(value)         leaf
 *   0x01 <left> <right>                    inner node inside the page
 *   0x03 hash (32)                         inner node on the boundary: the root of another page
 */
export const PAGE_TAG = 0x10;
export const PAGE_LEVELS = 4;
const T_LEAF = 0x00;
const T_INNER = 0x01;
const T_EMPTY = 0x02;
const T_REF = 0x03;

/** A page's subtree, decoded, with every hash recomputed (so siblings come for free). */
export type PageNode =
  | { readonly t: "empty"; readonly hash: Uint8Array }
  | {
      readonly t: "leaf";
      readonly hash: Uint8Array;
      readonly keyHash: Uint8Array;
      readonly valueHash: Uint8Array;
    }
  | {
      readonly t: "inner";
      readonly hash: Uint8Array;
      readonly left: PageNode;
      readonly right: PageNode;
    }
  | { readonly t: "ref"; readonly hash: Uint8Array };

export function isPageRoot(node: TreeNode | null, depth: number): boolean {
  return node !== null && node.kind === 1 && depth % PAGE_LEVELS === 0;
}

/** Large enough for any page: 15 inner tags + 16 leaves of 65 bytes + the page tag. */
const scratch = new Uint8Array(1 + 15 + 16 * 65);

/**
 * Serializes the page rooted at `node` (an inner node at a page depth) and calls `onChild` for
 * each boundary inner node and each leaf in it, so the caller can persist the new ones.
 */
export function encodePage(node: TreeNode, onChild: (child: TreeNode) => void): Uint8Array {
  const children: TreeNode[] = [];
  let at = 0;
  scratch[at++] = PAGE_TAG;
  const visit = (n: TreeNode | null, rel: number): void => {
    if (n === null) {
      scratch[at++] = T_EMPTY;
    } else if (n.kind === 0) {
      scratch[at] = T_LEAF;
      scratch.set(n.keyHash, at + 1);
      scratch.set(n.valueHash, at + 33);
      at += 65;
      children.push(n);
    } else if (rel === PAGE_LEVELS) {
      scratch[at] = T_REF;
      scratch.set(n.hash, at + 1);
      at += 33;
      children.push(n);
    } else {
      scratch[at++] = T_INNER;
      visit(n.left, rel + 1);
      visit(n.right, rel + 1);
    }
  };
  visit(node, 0);
  const out = scratch.slice(0, at);
  // Only now: onChild may encode a child page into the same scratch buffer.
  for (const c of children) onChild(c);
  return out;
}

export function decodePage(v: Uint8Array): PageNode {
  if (v[0] !== PAGE_TAG) throw new Error("state store: corrupt page record");
  let at = 1;
  const take = (n: number): Uint8Array => {
    if (at + n > v.byteLength) throw new Error("state store: truncated page record");
    const out = v.subarray(at, at + n);
    at += n;
    return out;
  };
  const read = (rel: number): PageNode => {
    const tag = take(1)[0];
    if (tag === T_EMPTY) return { t: "empty", hash: EMPTY_HASH };
    if (tag === T_LEAF) {
      const keyHash = take(32);
      const valueHash = take(32);
      return { t: "leaf", hash: leafHash(keyHash, valueHash), keyHash, valueHash };
    }
    if (tag === T_REF && rel === PAGE_LEVELS) return { t: "ref", hash: take(32) };
    if (tag === T_INNER && rel < PAGE_LEVELS) {
      const left = read(rel + 1);
      const right = read(rel + 1);
      return { t: "inner", hash: innerHash(left.hash, right.hash), left, right };
    }
    throw new Error("state store: corrupt page record");
  };
  const root = read(0);
  if (at !== v.byteLength || root.t !== "inner")
    throw new Error("state store: corrupt page record");
  return root;
}
