// Visits every page of the AppHost's dashboard in Chromium, as a person would, and reports what each shows once its
// live data has arrived: the resources, the api's console output, the structured logs (then filtered by level and by
// text, a row opened, a hostile log shown as text), the traces, the waterfall of one trace (a span opened) and the
// api's request duration chart. A screenshot of each page goes to --screenshots.
//
//   node dashboard-pages.mjs --url http://127.0.0.1:18888/ --trace-id 4bf92f… --hostile '<img …>probe' \
//     --hostile-marker probe --screenshots ../../TestResults/Browser
import { runDashboardSession } from './dashboard-session.mjs';

await runDashboardSession({
  'trace-id': { type: 'string' },
  hostile: { type: 'string' },
  'hostile-marker': { type: 'string' },
}, async (page, outcome, step, screenshot, options) => {
  await page.goto('/');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#resources tr')];
    return rows.length === 5 && rows.every(row => row.children[2].textContent === 'Running' && row.children[3].textContent === 'Healthy');
  });
  outcome.resources = await page.$$eval('#resources tr', rows => rows.map(row => ({
    name: row.children[0].textContent,
    type: row.children[1].textContent,
    state: row.children[2].textContent,
    health: row.children[3].textContent,
    restarts: row.children[5].textContent,
    links: [...row.children[6].querySelectorAll('a')].map(link => link.href),
    buttons: Object.fromEntries([...row.querySelectorAll('button[data-command]')].map(button => [button.dataset.command, !button.disabled])),
  })));
  step('resources', outcome.resources.map(r => `${r.name} ${r.state}`).join(', '));
  await screenshot('dashboard-resources.png');

  await page.goto('/consolelogs/resource/api');
  await page.locator('#console .line').first().waitFor();
  outcome.console = await page.$eval('#console', view => ({
    resource: view.dataset.resource,
    picked: document.getElementById('resource').selectedOptions[0].textContent,
    lines: [...view.querySelectorAll('.line .text')].map(text => text.textContent),
  }));
  step('console logs', `${outcome.console.lines.length} lines`);
  await screenshot('dashboard-console-logs.png');

  await page.goto('/structuredlogs');
  await page.waitForFunction(() => {
    const resources = [...document.querySelectorAll('#logs tbody.entry > tr:first-child > td:nth-child(3)')].map(cell => cell.textContent);
    return resources.includes('api') && resources.includes('sync');
  });
  const shownLogs = () => page.$$eval('#logs tbody.entry > tr:first-child', rows => rows.map(row => ({
    resource: row.children[2].textContent,
    level: row.children[3].textContent,
    message: row.children[4].textContent,
  })));
  // A filter clears the table and fills it again: the table is up to date once it has rows or says it has none.
  const filtered = () => page.waitForFunction(() =>
    document.querySelectorAll('#logs tbody.entry').length > 0 || !document.getElementById('no-logs').hidden);
  outcome.structured = { all: await shownLogs() };
  step('structured logs', `${outcome.structured.all.length} entries`);

  await page.getByLabel('Minimum level').selectOption('Warning');
  await filtered();
  outcome.structured.warningOrAbove = await shownLogs();
  step('level filter', `${outcome.structured.warningOrAbove.length} entries`);

  await page.getByLabel('Minimum level').selectOption('');
  await page.getByLabel('Text').fill(options['hostile-marker']);
  await page.waitForFunction(marker => {
    const messages = [...document.querySelectorAll('#logs .log-message')].map(cell => cell.textContent);
    return messages.length > 0 && messages.every(message => message.includes(marker));
  }, options['hostile-marker']);
  outcome.structured.hostile = {
    messages: (await shownLogs()).map(log => log.message),
    injected: await page.evaluate(() => document.querySelector('#logs img, #logs script') !== null || window.hacked === true),
  };
  step('hostile log', JSON.stringify(outcome.structured.hostile));

  await page.getByLabel('Text').fill('Sync run');
  await page.waitForFunction(() => {
    const messages = [...document.querySelectorAll('#logs .log-message')].map(cell => cell.textContent);
    return messages.length > 0 && messages.every(message => message.includes('Sync run'));
  });
  outcome.structured.text = await shownLogs();
  outcome.structured.address = await page.evaluate(() => location.search);
  await page.locator('#logs tbody.entry > tr:first-child').first().click();
  outcome.structured.attributes = await page.$$eval('#logs tbody.entry tr.details:not([hidden]) dt', keys => keys.map(key => key.textContent));
  step('text filter', `${outcome.structured.text.length} entries, attributes ${outcome.structured.attributes.join(' ')}`);
  await screenshot('dashboard-structured-logs.png');

  await page.goto('/traces?resource=sync');
  await page.locator('#traces tr').first().waitFor();
  outcome.traces = { ofSync: await page.$$eval('#traces tr', rows => rows.map(row => row.children[1].textContent)) };
  await page.goto('/traces');
  const traceLink = page.locator(`#traces a[href="/traces/detail/${options['trace-id']}"]`);
  await traceLink.waitFor();
  outcome.traces.all = await page.$$eval('#traces tr', rows => rows.map(row => ({
    services: row.children[1].textContent,
    name: row.children[2].textContent,
    duration: row.children[3].textContent,
    spans: row.children[4].textContent,
  })));
  step('traces', `${outcome.traces.all.length} traces, ${outcome.traces.ofSync.length} of sync`);
  await screenshot('dashboard-traces.png');

  await traceLink.click();
  await page.waitForURL(`**/traces/detail/${options['trace-id']}`);
  outcome.detail = {
    title: await page.locator('h1').textContent(),
    spans: await page.$$eval('#waterfall tbody.entry > tr:first-child', rows => rows.map(row => ({
      resource: row.querySelector('.resource').textContent,
      name: row.querySelector('.span-label').textContent,
      kind: row.children[1].textContent,
      barLeft: row.querySelector('.bar').style.left,
      barWidth: row.querySelector('.bar').style.width,
    }))),
    logsLink: await page.getByRole('link', { name: 'Structured logs of this trace' }).getAttribute('href'),
  };
  await page.locator('#waterfall tbody.entry > tr:first-child').first().click();
  outcome.detail.details = await page.$$eval('#waterfall tr.details:not([hidden]) dl.attributes > dt', keys =>
    Object.fromEntries(keys.map(key => [key.textContent, key.nextElementSibling.textContent])));
  step('trace detail', `${outcome.detail.spans.length} spans`);
  await screenshot('dashboard-trace-detail.png');

  await page.goto('/metrics/resource/api');
  outcome.metrics = { instruments: await page.$$eval('.instruments a', links => links.map(link => link.textContent)) };
  await page.getByRole('link', { name: 'http.server.request.duration', exact: true }).click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#panels polyline')].some(line => line.getAttribute('points').trim().split(/\s+/).length >= 2));
  outcome.metrics.address = await page.evaluate(() => location.pathname + location.search);
  outcome.metrics.panels = await page.$$eval('#panels figure', figures => figures.map(figure => ({
    title: figure.querySelector('figcaption').textContent,
    lines: [...figure.querySelectorAll('polyline')].map(line => line.getAttribute('points').trim().split(/\s+/).length),
    axisLabels: figure.querySelectorAll('.axis-label').length,
    legend: [...figure.querySelectorAll('.legend li')].map(item => item.textContent),
  })));
  outcome.metrics.series = await page.$$eval('#series tr', rows => rows.map(row => row.children[0].textContent));
  step('metrics', JSON.stringify(outcome.metrics.panels));
  await screenshot('dashboard-metrics.png');
});
