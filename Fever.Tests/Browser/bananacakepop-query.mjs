// Opens Banana Cake Pop on an API's /graphql in Chromium, as a person would: creates a document, waits until the
// IDE has loaded the schema, types an operation into the editor, runs it and waits until the response pane shows
// the expected text; then takes a screenshot. Each step reached is printed to stderr; the outcome is one JSON line
// on stdout: { ok, steps, config, introspection, response, error }. Exit code 0 when every step passed.
//
//   node bananacakepop-query.mjs --url http://127.0.0.1:5080/graphql --chromium /usr/bin/chromium \
//     --query '{ events(first: 3) { nodes { title startsAt } } }' --expect '"nodes"' --expect 'Camela' \
//     --screenshot ../../TestResults/Browser/bananacakepop.png [--step-timeout-seconds 30]
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    query: { type: 'string' },
    expect: { type: 'string', multiple: true, default: [] },
    screenshot: { type: 'string' },
    'step-timeout-seconds': { type: 'string', default: '30' },
  },
});
for (const required of ['url', 'query', 'screenshot']) {
  if (!options[required]) {
    console.error(`--${required} is required`);
    process.exit(2);
  }
}

const started = Date.now();
const stepTimeout = Number(options['step-timeout-seconds']) * 1000;
const outcome = { ok: false, steps: [], config: null, introspection: null, response: null, error: null };
const step = (name, detail) => {
  outcome.steps.push(name);
  console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${name}${detail ? `: ${detail}` : ''}`);
};

const browser = await chromium.launch({
  executablePath: options.chromium,
  headless: true,
  // Playwright gives each launch a new, empty profile folder. The network flags keep Chromium from calling
  // Google's services, which this machine's closed network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  timeout: stepTimeout,
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(stepTimeout);
// A response awaited later: if an earlier step fails, its rejection when the browser closes is not an error of its own.
const responseTo = predicate => {
  const response = page.waitForResponse(predicate);
  response.catch(() => {});
  return response;
};
try {
  const configResponse = responseTo(response => new URL(response.url()).pathname.endsWith('/bcp-config.json'));
  await page.goto(options.url);
  outcome.config = await (await configResponse).json();
  step('config', JSON.stringify(outcome.config));

  // A new document takes the endpoint of bcp-config.json and fetches the schema from it by introspection.
  const introspection = responseTo(response =>
    response.request().method() === 'POST' && (response.request().postData() ?? '').includes('IntrospectionQuery'));
  await page.getByRole('button', { name: 'Create Document' }).click();
  step('document created');
  const introspected = await introspection;
  outcome.introspection = { url: introspected.url(), status: introspected.status() };
  step('introspection', `POST ${introspected.url()} answered ${introspected.status()}`);
  await page.getByText('Schema available').waitFor();
  step('schema loaded');

  const editor = page.locator('.monaco-editor[data-uri^="file:///operations"]');
  await editor.click();
  // Inserted as one paste: typed key by key, the editor would add closing braces of its own.
  await page.keyboard.insertText(options.query);
  step('operation typed', (await editor.locator('.view-lines').innerText()).replaceAll('\u00a0', ' '));

  // The IDE knows the operation once its language worker has read the editor: it then shows a "Run" lens above it.
  // A click on the Run button before that would run the document as it was.
  await editor.locator('.codelens-decoration', { hasText: 'Run' }).waitFor();
  const answer = responseTo(response =>
    response.request().method() === 'POST' && (response.request().postData() ?? '').includes(options.query));
  // Matched by its text: its accessible name is its tooltip's, which changes while the tooltip shows.
  await page.locator('button').filter({ hasText: /^\s*Run\s*$/ }).click();
  const answered = await answer;
  outcome.response = { status: answered.status(), body: await answered.text() };
  step('operation ran', `${answered.status()} ${outcome.response.body.slice(0, 200)}`);

  // The response pane is another editor; it renders spaces as no-break spaces.
  await page.waitForFunction(expected => {
    const panes = [...document.querySelectorAll('.monaco-editor:not([data-uri^="file:///operations"]) .view-lines')];
    return panes.some(pane => expected.every(text => pane.innerText.replaceAll('\u00a0', ' ').includes(text)));
  }, options.expect);
  step('response shown', options.expect.join(', '));
  outcome.ok = true;
} catch (error) {
  outcome.error = `${error.message.split('\n')[0]} (after: ${outcome.steps.at(-1) ?? 'launch'})`;
} finally {
  // Also on failure: the page as it was is the first thing to look at.
  mkdirSync(dirname(options.screenshot), { recursive: true });
  await page.screenshot({ path: options.screenshot }).catch(error => console.error(`no screenshot: ${error.message}`));
  await browser.close();
}
console.log(JSON.stringify(outcome));
process.exit(outcome.ok ? 0 : 1);
