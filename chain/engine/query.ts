// The CometBFT 0.38 event query language (libs/pubsub/query/syntax): conditions joined by AND,
// operators = < <= > >= CONTAINS EXISTS, values 'string', numbers, DATE and TIME.

export const MAX_QUERY_LENGTH = 512;

export type Operator = "=" | "<" | "<=" | ">" | ">=" | "CONTAINS" | "EXISTS";

export type QueryValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: string }
  | { kind: "time"; value: number };

export interface Condition {
  tag: string;
  op: Operator;
  arg?: QueryValue;
}

export interface Query {
  readonly source: string;
  readonly conditions: readonly Condition[];
}

export class QueryError extends Error {}

const TAG = /^[A-Za-z_][A-Za-z0-9_.\-/$@]*/;
const NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?/;

export function parseQuery(source: string): Query {
  if (source.length > MAX_QUERY_LENGTH) throw new QueryError(`maximum query length exceeded: ${source.length} > ${MAX_QUERY_LENGTH}`);
  let s = source.trim();
  if (s.length === 0) throw new QueryError("empty query");
  const conditions: Condition[] = [];
  const fail = (what: string): never => {
    throw new QueryError(`invalid query ${JSON.stringify(source)}: ${what} at offset ${source.length - s.length}`);
  };
  for (;;) {
    s = s.trimStart();
    const tagMatch = TAG.exec(s);
    if (!tagMatch) fail("expected a tag");
    const tag = tagMatch![0];
    s = s.slice(tag.length).trimStart();
    let op: Operator | undefined;
    for (const candidate of ["<=", ">=", "=", "<", ">", "CONTAINS", "EXISTS"] as const) {
      if (s.startsWith(candidate)) {
        op = candidate;
        break;
      }
    }
    if (!op) fail("expected an operator (=, <, <=, >, >=, CONTAINS, EXISTS)");
    s = s.slice(op!.length);
    if (op === "EXISTS") {
      conditions.push({ tag, op });
    } else {
      s = s.trimStart();
      let arg: QueryValue;
      if (s.startsWith("'")) {
        const end = s.indexOf("'", 1);
        if (end < 0) fail("unterminated string");
        arg = { kind: "string", value: s.slice(1, end) };
        s = s.slice(end + 1);
      } else if (s.startsWith("DATE ") || s.startsWith("TIME ")) {
        const isDate = s.startsWith("DATE ");
        s = s.slice(5).trimStart();
        const m = (isDate ? /^\d{4}-\d{2}-\d{2}/ : /^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})/).exec(s);
        const ms = m ? Date.parse(isDate ? `${m[0]}T00:00:00Z` : m[0]) : NaN;
        if (!m || Number.isNaN(ms)) fail(isDate ? "invalid DATE" : "invalid TIME");
        arg = { kind: "time", value: ms };
        s = s.slice(m![0].length);
      } else {
        const m = NUMBER.exec(s);
        if (!m) fail("expected a value ('string', number, DATE or TIME)");
        arg = { kind: "number", value: m![0] };
        s = s.slice(m![0].length);
      }
      if (op === "CONTAINS" && arg.kind !== "string") fail("CONTAINS needs a string");
      conditions.push({ tag, op: op!, arg });
    }
    s = s.trimStart();
    if (s.length === 0) break;
    if (!/^AND\s/.test(s)) fail("expected AND");
    s = s.slice(3);
  }
  return { source, conditions };
}

/** Compares two decimal strings numerically; exact for integers of any size. */
export function compareNumbers(a: string, b: string): number | undefined {
  const int = /^[+-]?\d+$/;
  if (int.test(a) && int.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
  return x === y ? 0 : x < y ? -1 : 1;
}

function leadingNumber(value: string): string | undefined {
  const m = NUMBER.exec(value.trim());
  return m && m[0].length === value.trim().length ? m[0] : undefined;
}

export function matchValue(c: Condition, value: string): boolean {
  const arg = c.arg;
  if (c.op === "EXISTS") return true;
  if (!arg) return false;
  if (c.op === "CONTAINS") return value.includes(arg.value as string);
  let cmp: number | undefined;
  if (arg.kind === "string") {
    if (c.op !== "=") return false;
    return value === arg.value;
  } else if (arg.kind === "number") {
    const n = leadingNumber(value);
    cmp = n === undefined ? undefined : compareNumbers(n, arg.value);
  } else {
    const t = Date.parse(value);
    cmp = Number.isNaN(t) ? undefined : t === arg.value ? 0 : t < arg.value ? -1 : 1;
  }
  if (cmp === undefined) return false;
  switch (c.op) {
    case "=":
      return cmp === 0;
    case "<":
      return cmp < 0;
    case "<=":
      return cmp <= 0;
    case ">":
      return cmp > 0;
    case ">=":
      return cmp >= 0;
  }
}

/** Events as the pubsub sees them: composite key "type.key" → all values. */
export type EventMap = ReadonlyMap<string, readonly string[]>;

export function matches(q: Query, events: EventMap): boolean {
  return q.conditions.every((c) => (events.get(c.tag) ?? []).some((v) => matchValue(c, v)));
}
