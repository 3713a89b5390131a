// Walks the real Aspire dashboard of the whole app in Chromium, as an operator would: logs in through the login link,
// then reads the resources page (states, health in the details panel), the API's console logs, the traces (the API's
// GET /search; a sync run's trace opened by clicking its row, its HTTP client span and a database span opened by
// clicking theirs), the API's metrics (one instrument selected, its chart drawn) and the worker's structured logs;
// with --sync-now it also presses the worker's "Sync now" command and waits for the new run's trace. Every page is
// screenshotted into --screenshots as aspire-*.png, also when a section fails. Each section is tried on its own, so
// one run reports everything it could see. Steps are printed to stderr; the outcome is one JSON line on stdout:
// { ok, steps, errors: { section: message }, resources, consoleLogs, traces, metrics, structuredLogs, syncNow,
// screenshots }. Exit code 0 when every section passed its own checks; the test asserts on the details.
//
//   node aspire-dashboard.mjs --login 'http://localhost:18888/login?t=…' --chromium /usr/bin/chromium \
//     --screenshots ../../TestResults/Browser [--sync-now] [--step-timeout-seconds 60] [--deadline-seconds 170]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    login: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    screenshots: { type: 'string' },
    'sync-now': { type: 'boolean', default: false },
    'step-timeout-seconds': { type: 'string', default: '60' },
    'deadline-seconds': { type: 'string', default: '170' },
  },
});
for (const required of ['login', 'screenshots']) {
  if (!options[required]) {
    console.error(`--${required} is required`);
    process.exit(2);
  }
}

const started = Date.now();
const stepTimeout = Number(options['step-timeout-seconds']) * 1000;
const dashboard = new URL(options.login).origin;
const outcome = {
  ok: false, steps: [], errors: {}, resources: null, consoleLogs: null, traces: null, metrics: null,
  structuredLogs: null, syncNow: null, screenshots: [],
};
const step = (name, detail) => {
  outcome.steps.push(name);
  console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${name}${detail ? `: ${detail}` : ''}`);
};
const finish = code => {
  console.log(JSON.stringify(outcome));
  process.exit(code);
};
// The whole walk is bounded: past the deadline the outcome so far is printed and the script stops (Chromium goes
// with it: Playwright's launch ties it to this process).
const deadline = setTimeout(() => {
  outcome.errors.deadline = `the script did not finish within ${options['deadline-seconds']} s (after: ${outcome.steps.at(-1) ?? 'launch'})`;
  rmSync(profile, { recursive: true, force: true });
  finish(1);
}, Number(options['deadline-seconds']) * 1000);

// A fresh profile folder, removed at the end. The network flags keep Chromium from calling Google's services, which
// this machine's closed network refuses.
const profile = mkdtempSync(join(tmpdir(), 'fever-aspire-dashboard-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: options.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1600, height: 1000 },
  timeout: stepTimeout,
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(stepTimeout);

const screenshot = async name => {
  const path = join(options.screenshots, `aspire-${name}.png`);
  try {
    await page.screenshot({ path });
    outcome.screenshots.push(path);
  } catch (error) {
    console.error(`no screenshot ${path}: ${error.message.split('\n')[0]}`);
  }
};
// One section of the walk: its failure is recorded under its name, its page is screenshotted either way.
const section = async (name, run, lastScreenshot = name) => {
  try {
    await run();
  } catch (error) {
    outcome.errors[name] = `${error.message.split('\n')[0]} (after: ${outcome.steps.at(-1) ?? 'launch'})`;
    console.error(`${name} failed: ${error.message}`);
  } finally {
    await screenshot(lastScreenshot);
  }
};
// Blazor renders after the page has loaded: a page counts as open once the given locator shows.
const open = async (path, ready) => {
  await page.goto(new URL(path, dashboard).toString());
  await ready.first().waitFor();
};
const escape = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A grid cell by its whole text (the grids' cells carry no label of their own in the property grids).
const cellWithText = text => page.getByRole('gridcell').filter({ hasText: new RegExp(`^\\s*${escape(text)}\\s*$`) });
// The details panel (of a resource, a span) is a property grid: rows of name and value.
const property = async name => {
  const row = page.getByRole('row').filter({ has: cellWithText(name) }).first();
  if (await row.count() === 0)
    return null;
  return (await row.getByRole('gridcell').nth(1).innerText()).trim();
};
const properties = async names => Object.fromEntries(await Promise.all(names.map(async name => [name, await property(name)])));
// The trace and span grids label each name cell "resource: name" (a trace's with "Name: " before and its id after).
const labels = locator => locator.evaluateAll(cells => cells.map(cell => cell.getAttribute('aria-label')).filter(label => label));
const until = async (condition, what) => {
  const end = Date.now() + stepTimeout;
  while (!(await condition())) {
    if (Date.now() > end)
      throw new Error(`${what} did not happen within ${stepTimeout / 1000} s`);
    await page.waitForTimeout(500);
  }
};

try {
  mkdirSync(options.screenshots, { recursive: true });

  await section('login', async () => {
    // The link sets the session cookie and redirects to the resources page.
    await page.goto(options.login);
    await page.getByRole('gridcell', { name: /^\w+: api$/ }).first().waitFor();
    step('logged in', page.url());
  });
  if (outcome.errors.login)
    throw new Error('not logged in');

  await section('resources', async () => {
    const resourceRow = name => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: new RegExp(`^\\w+: ${escape(name)}$`) }) });
    await open('/', page.getByRole('gridcell', { name: /^\w+: api$/ }));
    // The projects settle on Running (api, sync) or Finished (migrations): wait for those, then read every row.
    const expected = { api: 'Running', sync: 'Running', migrations: 'Finished' };
    for (const [name, state] of Object.entries(expected))
      await resourceRow(name).getByText(state, { exact: true }).first().waitFor().catch(() => {});
    const rows = [];
    for (const name of ['postgres', 'feverdb', 'provider', 'migrations', 'api', 'sync']) {
      const row = resourceRow(name);
      if (await row.count() === 0) {
        rows.push({ name, present: false });
        continue;
      }
      const cells = row.first().getByRole('gridcell');
      const errorLogs = row.first().getByRole('link', { name: /error log/ });
      rows.push({
        name,
        present: true,
        type: (await cells.nth(0).getAttribute('aria-label')).split(':')[0],
        // The state cell shows the state's name, then the badge of unread error logs, if any.
        state: (await cells.nth(1).innerText()).split('\n')[0].trim(),
        stateTooltip: await cells.nth(1).getAttribute('title'),
        errorLogs: await errorLogs.count() ? await errorLogs.first().getAttribute('title') : null,
        health: null,
      });
    }
    await screenshot('resources-list');
    // Health shows in the details panel, which a click on the row opens.
    for (const name of ['api', 'sync']) {
      await resourceRow(name).first().getByRole('gridcell').first().click();
      // The panel's title: "Project: api".
      await page.getByText(new RegExp(`^\\w+: ${escape(name)}$`)).first().waitFor();
      await cellWithText('Health state').first().waitFor();
      await until(async () => (await property('Health state')) === 'Healthy', `${name}'s health state showing Healthy`).catch(() => {});
      rows.find(row => row.name === name).health = await property('Health state');
      await screenshot(`resource-${name}`);
    }
    outcome.resources = rows;
    step('resources', rows.map(row => `${row.name} ${row.state ?? 'missing'}${row.health ? ` (${row.health})` : ''}`).join(', '));
  });

  await section('console-api', async () => {
    const listening = page.getByText(/Now listening on:/);
    await open('/consolelogs/resource/api', listening);
    outcome.consoleLogs = {
      resource: 'api',
      lines: (await page.getByText(/Now listening on:|Application started/).allInnerTexts()).map(line => line.trim()),
    };
    step('console logs of api', outcome.consoleLogs.lines.join(' | '));
  });

  await section('traces', async () => {
    outcome.traces = { search: null, syncRun: null };
    const traceNames = page.getByRole('gridcell', { name: /^Name: / });
    await open('/traces', traceNames);
    // The list keeps growing (the worker's and the API's polls); the name filter leaves the trace looked for.
    const search = page.getByRole('searchbox');
    await search.fill('GET /search');
    const searchTrace = page.getByRole('gridcell', { name: /^Name: api: GET \/search\b/ });
    await searchTrace.first().waitFor();
    outcome.traces.search = (await labels(searchTrace))[0];
    step('traces: GET /search', outcome.traces.search);
    await screenshot('traces-search');

    await search.fill('sync run');
    const runs = page.getByRole('gridcell', { name: /^Name: sync: sync run\b/ });
    await runs.first().waitFor();
    const runLabels = await labels(runs);
    step('traces: sync runs', runLabels.join(' | '));
    await runs.first().click();
    await page.waitForURL(/\/traces\/detail\//);
    const spans = page.getByRole('gridcell', { name: /^[\w.-]+: / });
    await page.getByRole('gridcell', { name: /^sync: sync run$/ }).waitFor();
    // Child spans arrive in their own batches; the run is whole once its provider call and its SQL show.
    await page.getByRole('gridcell', { name: /^sync: HTTP GET\b/ }).first().waitFor();
    await page.getByRole('gridcell', { name: /Outgoing call to feverdb/ }).first().waitFor();
    const spanLabels = await labels(spans);
    outcome.traces.syncRun = {
      traceId: new URL(page.url()).pathname.split('/').at(-1),
      runs: runLabels.length,
      // "resource: name", with "(→ peer)" for a call to an uninstrumented peer such as the database.
      spans: spanLabels.map(label => label.replace(/\nOutgoing call to (.+)$/, ' (→ $1)')),
    };
    step('sync run trace', outcome.traces.syncRun.spans.join(', '));

    await page.getByRole('gridcell', { name: /^sync: HTTP GET\b/ }).first().click();
    await cellWithText('url.full').first().waitFor();
    outcome.traces.syncRun.httpClient = await properties(['Name', 'Kind', 'Destination', 'Source', 'http.request.method', 'http.response.status_code', 'url.full']);
    step('provider call', JSON.stringify(outcome.traces.syncRun.httpClient));
    await screenshot('trace-sync-run-provider-call');

    const database = page.getByRole('gridcell', { name: /Outgoing call to feverdb/ });
    const copy = database.filter({ hasText: /COPY/ });
    await (await copy.count() ? copy : database).first().click();
    await cellWithText('db.system.name').first().waitFor();
    outcome.traces.syncRun.database = await properties(['Name', 'Kind', 'Source', 'db.system.name', 'db.namespace', 'db.operation.name']);
    step('database call', JSON.stringify(outcome.traces.syncRun.database));
  }, 'trace-sync-run-database-call');

  await section('metrics-api', async () => {
    const instrument = page.getByTitle('http.server.request.duration', { exact: true });
    await open('/metrics/resource/api', instrument);
    await instrument.first().click();
    await page.getByRole('heading', { name: 'http.server.request.duration' }).waitFor();
    // The chart is Plotly's SVG; its legend names the percentiles drawn.
    await page.getByText('P50 Seconds').first().waitFor();
    outcome.metrics = {
      resource: 'api',
      instrument: 'http.server.request.duration',
      selected: await instrument.first().getAttribute('selected') !== null,
      url: page.url(),
      description: (await page.getByText('Duration of HTTP server requests.').first().innerText()).trim(),
      // SVG text has no innerText.
      legend: (await page.getByText(/^P\d+ Seconds$/).allTextContents()).map(text => text.trim()),
      charts: await page.locator('.js-plotly-plot').count(),
      // The chart's filters list the values of its dimensions: the route of our request is one.
      searchRoute: await page.getByText('/search', { exact: true }).count() > 0,
    };
    step('metrics of api', JSON.stringify(outcome.metrics));
  });

  await section('structured-logs-sync', async () => {
    const runLogs = page.getByRole('gridcell').filter({ hasText: /^\s*Sync run \d+ / });
    await open('/structuredlogs/resource/sync', runLogs);
    await runLogs.filter({ hasText: /Succeeded|Failed/ }).first().waitFor();
    const rows = page.getByRole('row').filter({ has: runLogs });
    const messages = [];
    for (const row of await rows.all()) {
      const cells = row.getByRole('gridcell');
      const trace = row.getByRole('link', { name: /^[0-9a-f]{7}$/ });
      messages.push({
        resource: (await cells.nth(0).innerText()).trim(),
        level: (await cells.nth(1).innerText()).trim(),
        message: (await cells.filter({ hasText: /^\s*Sync run \d+ / }).first().innerText()).trim(),
        trace: await trace.count() ? await trace.first().getAttribute('href') : null,
      });
    }
    outcome.structuredLogs = { resource: 'sync', messages };
    step('structured logs of sync', messages.map(m => m.message).join(' | '));
  });

  if (options['sync-now']) {
    await section('sync-now', async () => {
      const runs = page.getByRole('gridcell', { name: /^Name: sync: sync run\b/ });
      await open('/traces', page.getByRole('gridcell', { name: /^Name: / }));
      await page.getByRole('searchbox').fill('sync run');
      await runs.first().waitFor();
      const before = await runs.count();

      await open('/', page.getByRole('gridcell', { name: /^\w+: sync$/ }));
      const row = page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: /^\w+: sync$/ }) });
      await row.getByRole('button', { name: 'Actions' }).click();
      await page.getByRole('menuitem', { name: 'Sync now' }).click();
      // The dashboard confirms the command's result in a message bar: sync "Sync now" succeeded.
      const confirmation = page.getByText(/"Sync now" (succeeded|failed)/);
      await confirmation.first().waitFor();
      const result = (await confirmation.first().innerText()).trim();
      step('pressed Sync now', `${result}; ${before} sync run trace(s) before`);
      if (!result.includes('succeeded'))
        throw new Error(`the command did not succeed: ${result}`);

      await open('/traces', page.getByRole('gridcell', { name: /^Name: / }));
      await page.getByRole('searchbox').fill('sync run');
      await until(async () => await runs.count() > before, 'a new sync run trace');
      outcome.syncNow = { result, before, after: await runs.count() };
      step('new sync run', JSON.stringify(outcome.syncNow));
    });
  }

  outcome.ok = Object.keys(outcome.errors).length === 0;
} catch (error) {
  outcome.errors.walk ??= `${error.message.split('\n')[0]} (after: ${outcome.steps.at(-1) ?? 'launch'})`;
} finally {
  clearTimeout(deadline);
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
finish(outcome.ok ? 0 : 1);
