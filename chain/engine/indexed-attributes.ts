// Reads the indexed event attributes of an encoded ExecTxResult straight from its wire format.
// The tx index needs only where each type, key and value lies: it copies the value's bytes into
// its row as they are, so decoding the result into objects and strings, then encoding the strings
// again, was most of the index thread's work.
import { WIRE_LENGTH_DELIMITED, WIRE_VARINT, WireCursor } from "./wire-cursor.js";

/** Byte ranges in `bytes` of one attribute marked `index`: its event's type, its key and its value. */
export type IndexedAttributeVisitor = (
  bytes: Uint8Array,
  typeStart: number,
  typeEnd: number,
  keyStart: number,
  keyEnd: number,
  valueStart: number,
  valueEnd: number,
) => void;

const EXEC_TX_RESULT_EVENTS = 7;
const FINALIZE_BLOCK_EVENTS = 1;
const EVENT_TYPE = 1;
const EVENT_ATTRIBUTES = 2;
const ATTRIBUTE_KEY = 1;
const ATTRIBUTE_VALUE = 2;
const ATTRIBUTE_INDEX = 3;

/**
 * Calls `visit` for every attribute with `index` set, in the order the events and attributes were
 * encoded. As in protobuf decoding, the last occurrence of a singular field wins and unknown
 * fields are skipped. Throws MalformedWireError on bytes that are not an ExecTxResult.
 */
export function forEachIndexedAttribute(result: Uint8Array, visit: IndexedAttributeVisitor): void {
  forEachIndexedEventAttribute(result, EXEC_TX_RESULT_EVENTS, visit);
}

/** The same over the block's own events (field 1) of an encoded ResponseFinalizeBlock. */
export function forEachIndexedBlockAttribute(finalizeBlock: Uint8Array, visit: IndexedAttributeVisitor): void {
  forEachIndexedEventAttribute(finalizeBlock, FINALIZE_BLOCK_EVENTS, visit);
}

function forEachIndexedEventAttribute(message: Uint8Array, eventsField: number, visit: IndexedAttributeVisitor): void {
  const top = new WireCursor(message, 0, message.length);
  const event = new WireCursor(message, 0, 0);
  const attribute = new WireCursor(message, 0, 0);
  for (let start = top.nextDelimited(eventsField); start >= 0; start = top.nextDelimited(eventsField)) {
    visitEvent(event.reset(message, start, top.at), attribute, visit);
  }
}

function visitEvent(event: WireCursor, attribute: WireCursor, visit: IndexedAttributeVisitor): void {
  // The type may follow the attributes on the wire, so it is found first.
  const first = event.at;
  let typeStart = 0;
  let typeEnd = 0;
  for (let start = event.nextDelimited(EVENT_TYPE); start >= 0; start = event.nextDelimited(EVENT_TYPE)) {
    typeStart = start;
    typeEnd = event.at;
  }
  event.at = first;
  for (let start = event.nextDelimited(EVENT_ATTRIBUTES); start >= 0; start = event.nextDelimited(EVENT_ATTRIBUTES)) {
    attribute.reset(event.bytes, start, event.at);
    let keyStart = 0;
    let keyEnd = 0;
    let valueStart = 0;
    let valueEnd = 0;
    let index = false;
    while (!attribute.done) {
      const t = attribute.varint();
      const field = t >>> 3;
      const wire = t & 7;
      if (field === ATTRIBUTE_KEY && wire === WIRE_LENGTH_DELIMITED) {
        keyStart = attribute.delimited();
        keyEnd = attribute.at;
      } else if (field === ATTRIBUTE_VALUE && wire === WIRE_LENGTH_DELIMITED) {
        valueStart = attribute.delimited();
        valueEnd = attribute.at;
      } else if (field === ATTRIBUTE_INDEX && wire === WIRE_VARINT) {
        index = attribute.flag();
      } else attribute.skip(wire);
    }
    if (index) visit(event.bytes, typeStart, typeEnd, keyStart, keyEnd, valueStart, valueEnd);
  }
}
