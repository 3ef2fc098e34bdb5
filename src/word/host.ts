// The one place that knows whether Office.js is here. office.js comes from Microsoft's CDN;
// when it cannot load (offline, or the page opened outside Office) the pane must say so
// rather than throw.

export interface HostInfo {
  host: string;
  platform: string;
}

/**
 * Resolves with Word's host and platform, or null when the pane runs outside Word. A slow
 * Word is waited for, however long: `onSlow` is called after `slowMs` so the pane can say so.
 */
export function whenOfficeReady(onSlow: () => void = () => undefined, slowMs = 10000): Promise<HostInfo | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(onSlow, slowMs);
    Office.onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve(info && info.host ? { host: String(info.host), platform: String(info.platform) } : null);
      })
      .catch(() => {
        clearTimeout(timer);
        resolve(null);
      });
  });
}

/**
 * Whether Office shows a dark theme (Office.context.officeTheme, where the host gives it):
 * true or false, or null when Office does not say (Word on the web, outside Office).
 */
export function officeThemeIsDark(): boolean | null {
  try {
    const color = Office.context.officeTheme?.bodyBackgroundColor;
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
    if (!m) return null;
    const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  } catch {
    return null;
  }
}

/** True when the running Word supports the given WordApi set (false outside Word). */
export function supportsWordApi(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("WordApi", version);
  } catch {
    return false;
  }
}
