export { recordClassLabel, recordClassOf } from "./record-class.js";
export type { ClassifiableResource } from "./record-class.js";
