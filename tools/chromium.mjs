// How every script here starts Debian's Chromium through playwright-core (never a browser
// download): headless, as root, and quiet on a machine whose network is closed, where
// background networking would otherwise open connections that are refused.
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
