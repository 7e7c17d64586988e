/** Durations as the CLI prints them: "3ms" for cache hits, "1.2s" or "2m3.4s" for runs. */
export function millis(value: number): string {
  return `${value}ms`;
}

export function seconds(value: number): string {
  if (value < 60_000) {
    return `${(value / 1000).toFixed(1)}s`;
  }
  const minutes = Math.floor(value / 60_000);
  return `${minutes}m${((value - minutes * 60_000) / 1000).toFixed(1)}s`;
}
