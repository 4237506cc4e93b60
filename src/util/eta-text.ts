/** "45s", "2m05s", "1h02m": rounded up to whole seconds first, so that 119.5 s reads 2m00s, never 1m60s. */
export function etaText(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
  const minutes = Math.ceil(whole / 60);
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
