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

/**
 * A finished task's time as the CLI's linear output prints it (a Go duration, as the original same): "Nµs" under a
 * millisecond when the daemon sent microseconds, "Nms" (rounded half up) under a second, "N.Ns" from a second on.
 */
export function taskDuration(durationMillis: number | undefined, durationMicros: number | undefined): string {
  if (durationMicros === undefined) {
    const ms = durationMillis ?? 0;
    return ms < 1000 ? millis(ms) : oneDecimal(ms, 1000);
  }
  if (durationMicros < 1000) {
    return `${durationMicros}µs`;
  }
  return durationMicros < 1_000_000 ? millis(Math.floor((durationMicros + 500) / 1000)) : oneDecimal(durationMicros, 1_000_000);
}

function oneDecimal(value: number, unit: number): string {
  const tenths = Math.floor((value * 10 + Math.floor(unit / 2)) / unit);
  return `${Math.floor(tenths / 10)}.${tenths % 10}s`;
}
