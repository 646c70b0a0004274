import { authProjection } from "./auth/index.js";
import { bankProjection } from "./bank/index.js";
import { identityProjection } from "./identity/index.js";
import type { Projection } from "./projection.js";

/** One per chain module; a new module adds its folder and one line here. */
export const projections: readonly Projection[] = [authProjection, bankProjection, identityProjection];
export type { Projection, ProjectionContext, ProjectionWrite } from "./projection.js";
