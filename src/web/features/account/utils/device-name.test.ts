import { describe, expect, it } from 'vitest';
import { deviceName } from './device-name';

const UA = {
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  safariIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
  operaWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
  samsung:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  chromebook:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
};

describe('deviceName', () => {
  it.each([
    [UA.chromeLinux, 'Chrome on Linux'],
    [UA.chromeWindows, 'Chrome on Windows'],
    [UA.chromeAndroid, 'Chrome on Android'],
    [UA.chromeIphone, 'Chrome on iPhone'],
    [UA.safariIphone, 'Safari on iPhone'],
    [UA.safariIpad, 'Safari on iPad'],
    [UA.safariMac, 'Safari on macOS'],
    [UA.firefoxLinux, 'Firefox on Linux'],
    [UA.firefoxMac, 'Firefox on macOS'],
    [UA.firefoxIphone, 'Firefox on iPhone'],
    [UA.edgeWindows, 'Edge on Windows'],
    [UA.operaWindows, 'Opera on Windows'],
    [UA.samsung, 'Samsung Internet on Android'],
    [UA.chromebook, 'Chrome on ChromeOS'],
    [UA.headless, 'Headless Chrome on Linux'],
  ])('names %s', (ua, name) => {
    expect(deviceName(ua)).toBe(name);
  });

  it('names command-line clients by their tool', () => {
    expect(deviceName('curl/8.5.0')).toBe('curl');
    expect(deviceName('Wget/1.21.4')).toBe('Wget');
    expect(deviceName('node')).toBe('Node.js');
    expect(deviceName('undici')).toBe('Node.js');
    expect(deviceName('python-requests/2.32.3')).toBe('Python');
  });

  it('says unknown for nothing, and keeps a strange header short', () => {
    expect(deviceName(null)).toBe('Unknown device');
    expect(deviceName('   ')).toBe('Unknown device');
    expect(deviceName('MyMailMonitor/2.1 (+https://example.org)')).toBe('MyMailMonitor');
    expect(deviceName('x'.repeat(500))).toBe(`${'x'.repeat(40)}…`);
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0) SomethingNew/1.0')).toBe('A browser on Windows');
  });
});
