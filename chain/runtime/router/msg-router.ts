import type { Any } from "cosmjs-types/google/protobuf/any";
import { parseAddress } from "../address/bech32-address.js";
import type { Context } from "../context/context.js";
import { ErrInvalidAddress, ErrUnknownRequest } from "../errors/sdk-errors.js";
import type { Schema } from "../tx/unknown-fields.js";

/** What a message handler returns: the `Msg…Response` packed as an Any for TxMsgData.msg_responses. */
export interface MsgResult {
  readonly response: Any;
}

export interface MsgRoute<M = unknown> {
  readonly typeUrl: string;
  /** Module name reported as message.module. */
  readonly module: string;
  decode(bytes: Uint8Array): M;
  /**
   * The proto field named by the message's `cosmos.msg.v1.signer` option (snake_case as in the
   * .proto, e.g. "from_address"). Generated TS types carry no descriptor options, so each route
   * states it once here.
   */
  readonly signerField: string;
  /**
   * The message's wire shape. A field it does not know is refused with code 2 before decoding,
   * as the SDK's decoder does: dropping it in silence would execute a newer client's message
   * without, say, a limit it set.
   */
  readonly schema: Schema;
  /** Stateless checks (the SDK's ValidateBasic); throw a ChainError. */
  validateBasic?(msg: M): void;
  handle(ctx: Context, msg: M): MsgResult;
}

export interface DecodedMsg {
  readonly typeUrl: string;
  readonly value: unknown;
  readonly route: MsgRoute;
  /** Canonical bech32 signer taken from the signer field. */
  readonly signer: string;
}

function camelCase(field: string): string {
  return field.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export class MsgRouter {
  private readonly routes = new Map<string, MsgRoute>();
  /** Each route's signer field as the decoded message names it (camelCase), worked out once at registration. */
  private readonly signerProperties = new Map<MsgRoute, string>();

  register<M>(route: MsgRoute<M>): void {
    if (this.routes.has(route.typeUrl)) throw new Error(`message ${route.typeUrl} is already routed`);
    if (!route.typeUrl.startsWith("/")) throw new Error(`type URL must start with "/": ${route.typeUrl}`);
    this.routes.set(route.typeUrl, route as MsgRoute);
    this.signerProperties.set(route as MsgRoute, camelCase(route.signerField));
  }

  route(typeUrl: string): MsgRoute | undefined {
    return this.routes.get(typeUrl);
  }

  typeUrls(): string[] {
    return [...this.routes.keys()].sort();
  }

  /** The signer of a decoded message, read from its signer field and validated as an address. */
  signerOf(route: MsgRoute, msg: unknown): string {
    const value = (msg as Record<string, unknown>)[this.signerProperties.get(route) ?? camelCase(route.signerField)];
    if (typeof value !== "string") {
      throw ErrUnknownRequest.wrap(`message ${route.typeUrl} has no string signer field ${route.signerField}`);
    }
    const parsed = parseAddress(value);
    if (!parsed.ok) throw ErrInvalidAddress.wrap(`invalid signer address ${JSON.stringify(value)}`);
    return parsed.address;
  }
}
