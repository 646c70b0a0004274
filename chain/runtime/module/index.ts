export type { AppModule, ServiceRegistrar } from "./app-module.js";
