// SIGTERM and SIGINT as a request to stop, for the long-running commands (worker, probe --watch).
// The listeners stay on (process.on, not once): signal-exit, which crawlee's storage loads through
// proper-lockfile, counts a signal's listeners when one arrives and, finding only its own, unloads
// and sends the signal again. A once-listener has removed itself by then, so the second signal met no
// listener and killed the process with 143 before the jobs in hand could finish (seen in the image).

/** Calls `onStop` on SIGTERM or SIGINT, every time one comes, until the returned function is called. */
export function onStopSignal(onStop: () => void): () => void {
  const handler = () => onStop();
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
