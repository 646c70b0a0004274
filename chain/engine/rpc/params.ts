// Argument decoding for both transports CometBFT offers: JSON-RPC params (named object or positional
// array) and GET query strings with CometBFT's quoting rules (rpc/jsonrpc/server/http_uri_handler.go).
import { fromBase64Pooled, fromHex } from "../encoding.js";
import { RpcError } from "./errors.js";

/** `bytes` is Go's []byte (base64 in JSON); `hex` is bytes.HexBytes (hex in JSON). */
export type ParamKind = "int" | "string" | "bytes" | "hex" | "bool";
export type ParamSpec = readonly (readonly [name: string, kind: ParamKind])[];
export type ParamValue = bigint | string | Uint8Array | boolean;
export type Args = Readonly<Record<string, ParamValue | undefined>>;

const INT = /^-?\d+$/;

function fail(name: string, why: string): never {
  throw RpcError.invalidParams(`error converting json params to arguments: ${name}: ${why}`);
}

function fromJson(name: string, kind: ParamKind, v: unknown): ParamValue | undefined {
  if (v === null || v === undefined) return undefined;
  switch (kind) {
    case "int":
      if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
      if (typeof v === "string" && INT.test(v)) return BigInt(v);
      return fail(name, `expected an integer (as a string), got ${JSON.stringify(v)}`);
    case "string":
      if (typeof v === "string") return v;
      return fail(name, `expected a string, got ${JSON.stringify(v)}`);
    case "bool":
      if (typeof v === "boolean") return v;
      return fail(name, `expected a boolean, got ${JSON.stringify(v)}`);
    case "bytes":
      if (typeof v !== "string") return fail(name, "expected base64 bytes");
      try {
        return fromBase64Pooled(v);
      } catch {
        return fail(name, "illegal base64 data");
      }
    case "hex":
      if (typeof v !== "string") return fail(name, "expected hex bytes");
      try {
        return fromHex(v);
      } catch {
        return fail(name, "invalid hex string");
      }
  }
}

export function jsonArgs(spec: ParamSpec, params: unknown): Args {
  const out: Record<string, ParamValue | undefined> = {};
  if (params === undefined || params === null) return out;
  if (Array.isArray(params)) {
    if (params.length > spec.length) fail("params", `expected at most ${spec.length} positional params, got ${params.length}`);
    spec.forEach(([name, kind], i) => (out[name] = fromJson(name, kind, params[i])));
    return out;
  }
  if (typeof params !== "object") fail("params", "must be an object or an array");
  const obj = params as Record<string, unknown>;
  for (const [name, kind] of spec) out[name] = fromJson(name, kind, obj[name]);
  return out;
}

function fromUri(name: string, kind: ParamKind, raw: string): ParamValue | undefined {
  if (raw === "") return undefined;
  const quoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
  const isHex = raw.toLowerCase().startsWith("0x");
  if (kind === "int") {
    if (INT.test(raw)) return BigInt(raw);
    if (quoted && INT.test(raw.slice(1, -1))) return BigInt(raw.slice(1, -1));
    return fail(name, `expected an integer, got ${raw}`);
  }
  if (isHex) {
    if (kind !== "string" && kind !== "bytes" && kind !== "hex") return fail(name, `got a hex string arg, but expected '${kind}'`);
    let bytes: Uint8Array;
    try {
      bytes = fromHex(raw.slice(2));
    } catch {
      return fail(name, "invalid hex string");
    }
    return kind === "string" ? Buffer.from(bytes).toString("utf8") : bytes;
  }
  if (kind === "bool") {
    if (raw === "true" || raw === "false") return raw === "true";
    return fail(name, `expected true or false, got ${raw}`);
  }
  let s: unknown;
  try {
    s = JSON.parse(raw);
  } catch {
    return fail(name, kind === "string" ? `string arguments must be quoted, got ${raw}` : `invalid argument ${raw}`);
  }
  if (typeof s !== "string") return fail(name, `expected a quoted string, got ${raw}`);
  // A quoted string given for bytes is taken as the raw bytes of the string, as CometBFT does.
  return kind === "string" ? s : new TextEncoder().encode(s);
}

export function uriArgs(spec: ParamSpec, query: URLSearchParams): Args {
  const out: Record<string, ParamValue | undefined> = {};
  for (const [name, kind] of spec) {
    const raw = query.get(name);
    out[name] = raw === null ? undefined : fromUri(name, kind, raw);
  }
  return out;
}
