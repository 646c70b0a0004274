export {
  EMPTY_STATE_ROOT,
  STATE_PROOF_VERSION,
  StateProofFormatError,
  decodeStateProof,
  type DecodedStateProof,
  type StateProofKind,
} from "./format.js";
export {
  verifyInclusionProof,
  verifyNonInclusionProof,
  type InclusionProofInput,
  type NonInclusionProofInput,
} from "./verify.js";
