export const PATH_HEADER = "x-precision-path";
