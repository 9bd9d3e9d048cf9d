export {
  CHROMIUM_EXT_DIR,
  FIREFOX_EXT_DIR,
  FIREFOX_UUID,
  type GlossBrowser,
  type LaunchOptions,
  launch,
  launchChromium,
  launchFirefox,
  type Manifest,
  type PopupOptions,
  ROOT,
} from './browsers';
export type { BrowserName, GlossPage, Rect, WaitOptions } from './page';
export { NEWS_PREFIX, PAGES_DIR, type RouteBody, startServer, type TestServer } from './server';
export { ALL_BROWSERS, type BrowserSuite, describeBrowsers, RESULTS_DIR } from './suite';
