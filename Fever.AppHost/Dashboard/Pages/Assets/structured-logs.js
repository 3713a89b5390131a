// The structured logs table: newest first, the newest 500 entries kept; every 1.5 s the entries after the newest
// shown are added on top. A change of filter rewrites the address (so it can be shared) and starts over.
import { breakAtDots, element, expandOnClick, formParameters, getJson, onFiltersChanged, poll, showDropped, timeElement } from './dashboard.js';

const form = document.getElementById('filters');
const table = document.getElementById('logs');
const noLogs = document.getElementById('no-logs');
const logCount = document.getElementById('log-count');
const maxEntries = 500;
let lastId = 0;
let generation = 0;

/** OTLP severity numbers: 1–4 trace, 5–8 debug, 9–12 information, 13–16 warning, 17–20 error, 21–24 critical. */
function levelClass(severityNumber) {
  const levels = ['trace', 'debug', 'information', 'warning', 'error', 'critical'];
  return `level-${levels[Math.min(Math.max(Math.floor((severityNumber - 1) / 4), 0), 5)]}`;
}

function attributesElement(log) {
  const facts = [
    ['Category', log.category],
    ...log.attributes.map(attribute => [attribute.key, attribute.value]),
    ['Trace id', log.traceId],
    ['Span id', log.spanId],
  ].filter(([, value]) => value);
  return element('dl', { className: 'attributes' },
    ...facts.flatMap(([key, value]) => [element('dt', { text: key }), element('dd', { text: value })]));
}

function entryElement(log) {
  const toggle = element('button', {
    className: 'toggle', text: '▸', attributes: { type: 'button', 'aria-expanded': 'false', 'aria-label': 'Show attributes' },
  });
  const details = element('tr', { className: 'details', attributes: { hidden: true } },
    element('td', { attributes: { colspan: 7 } }, attributesElement(log)));
  const trace = log.traceId
    ? element('a', { className: 'mono', text: log.traceId.slice(0, 8), attributes: { href: `/traces/detail/${encodeURIComponent(log.traceId)}`, title: `Trace ${log.traceId}` } })
    : null;
  const row = element('tr', { className: 'clickable' },
    element('td', {}, toggle),
    element('td', { className: 'nowrap' }, timeElement(log.time, true)),
    element('td', { text: log.resource }),
    element('td', {}, element('span', { className: `badge ${levelClass(log.severityNumber)}`, text: log.severity })),
    element('td', { className: 'log-message', text: log.message }),
    element('td', { className: 'log-category' }, ...breakAtDots(log.category)),
    element('td', {}, trace));
  expandOnClick(row, details);
  return element('tbody', { className: 'entry', attributes: { 'data-id': log.id } }, row, details);
}

async function refresh() {
  const run = generation;
  const parameters = formParameters(form);
  parameters.set('after', String(lastId));
  parameters.set('limit', lastId === 0 ? '200' : String(maxEntries));
  const page = await getJson(`/api/telemetry/logs?${parameters}`);
  if (run !== generation)
    return;
  showDropped('logs', page.dropped);
  for (const log of page.items.filter(log => log.id > lastId)) {
    table.insertBefore(entryElement(log), table.tBodies[0] ?? null);
    lastId = log.id;
  }
  while (table.tBodies.length > maxEntries)
    table.tBodies[table.tBodies.length - 1].remove();
  noLogs.hidden = table.tBodies.length > 0;
  logCount.textContent = `${table.tBodies.length} shown, newest first`;
}

onFiltersChanged(form, () => {
  generation++;
  lastId = 0;
  [...table.tBodies].forEach(entry => entry.remove());
  // The poll shows a failure to refresh.
  refresh().catch(() => {});
});
poll(refresh, 1500);
