/** The waits between attempts to connect: at once, then 1 s, 2 s, 5 s, then every 10 s for as long as the page is open. */
const firstDelays = [0, 1_000, 2_000, 5_000];
const steadyDelay = 10_000;

/** The milliseconds to wait before the next attempt, after `failedAttempts` attempts failed in a row. */
export function retryDelay(failedAttempts: number): number {
  return firstDelays[failedAttempts] ?? steadyDelay;
}
