import type { UserConfig } from "vitest/config";

export function unitConfig(overrides?: NonNullable<UserConfig["test"]>): UserConfig;
export function intConfig(overrides?: NonNullable<UserConfig["test"]>): UserConfig;
