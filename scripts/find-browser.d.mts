// Type declarations for scripts/find-browser.mjs (imported by playwright.config.ts).
/** Absolute path of a Chromium executable, or null; throws if CHROMIUM_PATH names no file. */
export function findChromium(): string | null;
