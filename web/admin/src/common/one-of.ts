/** `value` when it is one of `values` (a URL parameter checked against a known set), else undefined. */
export const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;
