/** The page bench scripts' command line, and what they all launch Chromium with. */

/** Every host but the bench server's resolves to nothing: a saved page cannot reach the network. */
export const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

export function count(name: string, fallback?: number, least = 1): number | undefined {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < least) throw new Error(`${name} must be a whole number ≥ ${least}, not "${raw}"`);
  return n;
}
