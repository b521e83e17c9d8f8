import type { Browser } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it when missing. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Headless Chromium with nothing reaching out: without the background-networking flags it
 * tries Google's hosts at every start, which this machine's closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
