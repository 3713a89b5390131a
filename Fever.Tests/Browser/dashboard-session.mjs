// What the dashboard scripts share: Chromium launched as the Banana Cake Pop script launches it, steps printed to
// stderr as they are reached, screenshots, and the outcome printed as one JSON line on stdout (exit code 0 when every
// step passed). A script passes its own options and a function of (page, outcome, step, screenshot).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

export async function runDashboardSession(ownOptions, session) {
  const { values: options } = parseArgs({
    options: {
      url: { type: 'string' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      screenshots: { type: 'string' },
      'step-timeout-seconds': { type: 'string', default: '30' },
      ...ownOptions,
    },
  });
  for (const required of ['url', 'screenshots']) {
    if (!options[required]) {
      console.error(`--${required} is required`);
      process.exit(2);
    }
  }

  const started = Date.now();
  const outcome = { ok: false, steps: [], pageErrors: [], error: null };
  const step = (name, detail) => {
    outcome.steps.push(name);
    console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${name}${detail ? `: ${detail}` : ''}`);
  };
  mkdirSync(options.screenshots, { recursive: true });

  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: Number(options['step-timeout-seconds']) * 1000,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, baseURL: options.url });
  page.setDefaultTimeout(Number(options['step-timeout-seconds']) * 1000);
  // A script error on a page fails the session: the pages must run without one.
  page.on('pageerror', error => outcome.pageErrors.push(error.message));
  const screenshot = name => page.screenshot({ path: join(options.screenshots, name) });
  try {
    await session(page, outcome, step, screenshot, options);
    outcome.ok = outcome.pageErrors.length === 0;
  } catch (error) {
    outcome.error = `${error.message.split('\n')[0]} (after: ${outcome.steps.at(-1) ?? 'launch'})`;
    // The page as it was when the step failed.
    await screenshot('dashboard-failed.png').catch(screenshotError => console.error(`no screenshot: ${screenshotError.message}`));
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(outcome));
  process.exit(outcome.ok ? 0 : 1);
}
