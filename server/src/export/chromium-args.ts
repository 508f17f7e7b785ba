/**
 * How tcpflow starts Chromium, everywhere it does (`synack export`, the gallery, the
 * browser tests and benchmarks): headless, no sandbox (CI runs as root), no GPU, no
 * network of its own.
 *
 * The features switched off are Chromium 156's WebUI omnibox popups: every new tab
 * gets a hidden one, rendered in a process of its own, which spent 0.3–0.9 s of CPU per
 * tab here (measured from /proc ticks per renderer process) drawing a toolbar nobody
 * sees. On a 2-core machine that time is taken from the page being drawn.
 */
export const CHROMIUM_LAUNCH_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
