// Chromium flags for running the built extension here: no sandbox (root), and none of the background
// connections this machine's closed network would refuse. Shared by the demo and the e2e harness.
/** @param {string} extDir */
export function chromiumArgs(extDir) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
  ];
}
