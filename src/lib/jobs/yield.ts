/**
 * Gives timers and I/O waiting in this process a turn. On SQLite every query completes synchronously, so a
 * loop of queries never lets them run otherwise: requests, SMTP conversations and the heartbeats that keep
 * running jobs' leases all wait until it ends. Passes over many documents call this between documents.
 */
export const letOthersRun = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
