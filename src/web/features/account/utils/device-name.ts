/**
 * A session's device in words ("Chrome on Linux", "Safari on iPhone") from its User-Agent header. Small and
 * deliberately rough: the list only has to let people recognise their own devices, so the browser family and the
 * system are enough; versions are left out. Order matters: Edge, Opera and Samsung Internet also say "Chrome",
 * and every Chromium browser also says "Safari".
 */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\bChrome\/|\bChromium\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bAppleWebKit\/.*\bMobile\/\w+$/, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\biPod\b/, 'iPod'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/** Command-line clients and libraries, named by their product token. */
const TOOLS: [RegExp, string][] = [
  [/^curl\//i, 'curl'],
  [/^Wget\//i, 'Wget'],
  [/^(?:node|undici|node-fetch)\b/i, 'Node.js'],
  [/^python-requests\/|^python-urllib|^aiohttp\//i, 'Python'],
  [/^HeadlessChrome|\bHeadlessChrome\//, 'Headless Chrome'],
];

const MAX_UNKNOWN_LENGTH = 40;

export function deviceName(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? '').trim();
  if (!ua) return 'Unknown device';
  for (const [pattern, name] of TOOLS) {
    if (pattern.test(ua)) {
      if (name !== 'Headless Chrome') return name;
      const system = SYSTEMS.find(([p]) => p.test(ua))?.[1];
      return system ? `${name} on ${system}` : name;
    }
  }
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `A browser on ${system}`;
  // Something else: its first product token, short, so a strange header cannot fill the row.
  const product = ua.split(/[\s/;(]/)[0] ?? ua;
  return product.length > MAX_UNKNOWN_LENGTH ? `${product.slice(0, MAX_UNKNOWN_LENGTH)}…` : product;
}
