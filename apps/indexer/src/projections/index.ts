import { authProjection } from "./auth/index.js";
import { bankProjection } from "./bank/index.js";
import { accessProjection } from "./access/index.js";
import { alertsProjection } from "./alerts/index.js";
import { identityProjection } from "./identity/index.js";
import { recordsProjection } from "./records/index.js";
import type { Projection } from "./projection.js";

/** One per chain module; a new module adds its folder and one line here. */
export const projections: readonly Projection[] = [
  authProjection,
  bankProjection,
  identityProjection,
  recordsProjection,
  accessProjection,
  alertsProjection,
];
export type { Projection, ProjectionContext, ProjectionWrite } from "./projection.js";
