// Restarts a project from the dashboard's Resources page, as a person would: waits until its row shows it Running and
// Healthy, clicks its Restart button, and waits until the row shows it Running and Healthy again with one restart more.
// Reports the row before and after, every state the row showed meanwhile, and the page's status line; then clicks
// its Start button anyway and reports the refusal the page shows.
//
//   node dashboard-restart.mjs --url http://127.0.0.1:18888/ --resource sync --screenshots ../../TestResults/Browser
import { runDashboardSession } from './dashboard-session.mjs';

await runDashboardSession({ resource: { type: 'string' } }, async (page, outcome, step, screenshot, options) => {
  const resource = options.resource;
  await page.goto('/');
  const row = page.locator('#resources tr').filter({ has: page.getByRole('rowheader', { name: resource, exact: true }) });
  const restart = row.getByRole('button', { name: `Restart ${resource}` });
  const readRow = () => row.evaluate(tr => ({
    state: tr.children[2].textContent,
    health: tr.children[3].textContent,
    started: tr.children[4].querySelector('time')?.getAttribute('datetime') ?? null,
    restarts: Number(tr.children[5].textContent),
  }));
  await page.waitForFunction(name => {
    const tr = [...document.querySelectorAll('#resources tr')].find(r => r.children[0].textContent === name);
    return tr !== undefined && tr.children[3].textContent === 'Healthy' && !tr.querySelector('button[data-command="restart"]').disabled;
  }, resource);
  outcome.before = await readRow();
  step('before', JSON.stringify(outcome.before));

  // Every state the row shows from now on (the page polls, so a brief one may be missed; the test watches the AppHost).
  await row.evaluate(tr => {
    window.seenStates = [];
    new MutationObserver(() => {
      const state = tr.children[2].textContent;
      if (window.seenStates.at(-1) !== state)
        window.seenStates.push(state);
    }).observe(tr.children[2], { subtree: true, characterData: true, childList: true });
  });
  await restart.click();
  step('clicked Restart');

  const expected = outcome.before.restarts + 1;
  await page.waitForFunction(({ name, restarts }) => {
    const tr = [...document.querySelectorAll('#resources tr')].find(r => r.children[0].textContent === name);
    return Number(tr.children[5].textContent) === restarts && tr.children[2].textContent === 'Running' && tr.children[3].textContent === 'Healthy';
  }, { name: resource, restarts: expected }, { timeout: 60_000 });
  outcome.after = await readRow();
  outcome.seenStates = await page.evaluate(() => window.seenStates);
  outcome.status = await page.locator('#command-status').textContent();
  outcome.buttons = await row.evaluate(tr =>
    Object.fromEntries([...tr.querySelectorAll('button[data-command]')].map(button => [button.dataset.command, !button.disabled])));
  step('after', JSON.stringify(outcome.after));

  // A command the state no longer allows (the page polls, so its buttons can be a moment late): the refusal is shown.
  await row.locator('button[data-command="start"]').evaluate(button => {
    button.disabled = false;
    button.click();
  });
  await page.locator('#command-status.error').waitFor();
  outcome.refusal = await page.locator('#command-status').textContent();
  step('refusal', outcome.refusal);
  await screenshot('dashboard-restart.png');
});
