import type { PlatformApi } from '../../shared/platform.ts';
import { browserPlatform } from './browser.ts';

declare global {
  interface Window {
    /** Exposed by Electron's preload script; absent in a plain browser. */
    factmark?: PlatformApi;
  }
}

export const platform: PlatformApi = window.factmark ?? browserPlatform;
