/**
 * A timer for what goes stale with no message to notice it (a device that stopped reporting):
 * `arm()` after each input; it runs `sweep` every `everyMs` for as long as `sweep` returns true,
 * so an idle room keeps no timer alive.
 */
export function sweeper(everyMs: number, sweep: () => boolean): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    timer ??= setTimeout(() => {
      timer = null;
      if (sweep()) arm();
    }, everyMs);
  };
  return arm;
}
