export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, paginate } from "./pagination.js";
export type { Page } from "./pagination.js";
