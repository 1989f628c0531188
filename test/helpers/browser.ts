// Launches headless Chromium for browser tests without any system install: CHROMIUM_PATH, else the
// distribution's /usr/bin/chromium, else the binary shipped in the @sparticuz/chromium npm package.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

// The machine has no internet: every flag that would make Chromium phone home is off.
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function chromiumExecutablePath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const sparticuz = await import('@sparticuz/chromium');
  return sparticuz.default.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromiumExecutablePath();
  return chromium.launch({ executablePath, args: [...chromiumArgs], headless: true });
}

const portalIndex = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));

/** Browser tests need the built portal; say how to get it instead of failing on a 404 page. */
export function requirePortalBuild(): void {
  if (!existsSync(portalIndex)) {
    throw new Error(
      `${portalIndex} is missing: build the portal with "npm run build:web" (npm test builds it through scripts/ensure-web.mjs)`,
    );
  }
}
