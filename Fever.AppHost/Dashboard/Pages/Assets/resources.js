// The resources table, refreshed every 1.5 s from /api/resources, and the commands of project instances.
import { element, errorOf, getJson, poll, syncRows, timeElement } from './dashboard.js';

const table = document.getElementById('resources');
const status = document.getElementById('command-status');
const commands = ['stop', 'start', 'restart'];

/** Which commands apply in a state (the AppHost refuses the others with 409). */
const allowed = {
  stop: state => ['Starting', 'Running', 'Unhealthy', 'Exited'].includes(state),
  start: state => ['Finished', 'FailedToStart', 'Exited'].includes(state),
  restart: state => ['Running', 'Unhealthy', 'Finished', 'FailedToStart', 'Exited'].includes(state),
};

function createRow(resource) {
  const row = element('tr', {},
    element('th', { attributes: { scope: 'row' }, text: resource.name }),
    element('td', { text: resource.resourceType }),
    element('td', {}, element('span', { className: 'badge' })),
    element('td'),
    element('td', { className: 'nowrap' }),
    element('td', { className: 'number' }),
    element('td', {}, element('div', { className: 'urls' })),
    element('td', { className: 'message' }),
    element('td'));
  if (resource.resourceType === 'Project') {
    const buttons = commands.map(command => {
      const label = command[0].toUpperCase() + command.slice(1);
      return element('button', {
        text: label,
        attributes: { type: 'button', 'data-command': command, 'aria-label': `${label} ${resource.name}` },
        on: { click: () => execute(row, resource.name, command) },
      });
    });
    row.lastElementChild.append(element('div', { className: 'actions' }, ...buttons));
  }
  return row;
}

function updateRow(row, resource) {
  const [, , stateCell, healthCell, startedCell, restartsCell, urlsCell, messageCell] = row.children;
  const badge = stateCell.firstElementChild;
  badge.textContent = resource.state;
  badge.className = `badge state-${resource.state.toLowerCase()}`;
  healthCell.textContent = resource.health ?? '';
  healthCell.className = resource.health ? `health-${resource.health.toLowerCase()}` : '';
  if (startedCell.dataset.value !== (resource.startTime ?? '')) {
    startedCell.dataset.value = resource.startTime ?? '';
    startedCell.replaceChildren(resource.startTime ? timeElement(resource.startTime) : '');
  }
  restartsCell.textContent = String(resource.restartCount);
  const urls = urlsCell.firstElementChild;
  if (urls.dataset.value !== resource.urls.join('\n')) {
    urls.dataset.value = resource.urls.join('\n');
    urls.replaceChildren(...resource.urls.map((url, index) => urlElement(url, resource.urls[0], index)));
  }
  const message = resource.message ?? '';
  messageCell.textContent = message.split('\n')[0];
  messageCell.title = message;
  for (const button of row.querySelectorAll('button[data-command]'))
    button.disabled = row.dataset.busy === 'true' || !allowed[button.dataset.command](resource.state);
}

/** A link for http(s) URLs (after the first, those of the same origin shown by their path); other schemes as text. */
function urlElement(url, first, index) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return element('span', { text: url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return element('span', { className: 'mono', text: url });
  const sameOrigin = index > 0 && URL.canParse(first) && new URL(first).origin === parsed.origin;
  const text = sameOrigin ? parsed.pathname + parsed.search : url;
  return element('a', { text, attributes: { href: parsed.href, target: '_blank', rel: 'noopener noreferrer', title: url } });
}

async function execute(row, name, command) {
  row.dataset.busy = 'true';
  row.querySelectorAll('button[data-command]').forEach(button => { button.disabled = true; });
  status.className = 'status-line';
  status.textContent = `${name}: ${command} sent…`;
  try {
    const response = await fetch(`/api/resources/${encodeURIComponent(name)}/commands/${command}`, {
      method: 'POST',
      headers: { 'X-Fever-Dashboard': '1' },
    });
    if (response.ok) {
      status.textContent = `${name}: ${command} done.`;
    } else {
      status.className = 'status-line error';
      status.textContent = `${name}: ${command} refused: ${await errorOf(response)}`;
    }
  } catch (error) {
    status.className = 'status-line error';
    status.textContent = `${name}: ${command} failed: ${error.message}`;
  }
  delete row.dataset.busy;
  // The poll shows a failure to refresh.
  refresh().catch(() => {});
}

async function refresh() {
  const resources = await getJson('/api/resources');
  syncRows(table, resources, resource => resource.name, createRow, updateRow);
}

poll(refresh, 1500);
