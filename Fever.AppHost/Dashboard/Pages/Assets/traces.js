// The traces table, newest first, refreshed every 2 s; a trace's duration is also drawn against the longest shown.
import { element, formatDuration, formParameters, getJson, onFiltersChanged, poll, showDropped, syncRows, timeElement } from './dashboard.js';

const form = document.getElementById('filters');
const table = document.getElementById('traces');
const noTraces = document.getElementById('no-traces');
const traceCount = document.getElementById('trace-count');
let generation = 0;
let longest = 0;

function createRow() {
  return element('tr', {},
    element('td', { className: 'nowrap' }),
    element('td'),
    element('td', {}, element('a')),
    element('td', {}, element('div', { className: 'duration' },
      element('span', { className: 'meter' }, element('span')),
      element('span', { className: 'nowrap' }))),
    element('td', { className: 'number' }),
    element('td', { className: 'number' }));
}

function updateRow(row, trace) {
  const [timeCell, servicesCell, nameCell, durationCell, spansCell, errorsCell] = row.children;
  timeCell.replaceChildren(timeElement(trace.start, true));
  servicesCell.textContent = trace.resources.join(', ');
  const link = nameCell.firstElementChild;
  link.textContent = trace.name;
  link.href = `/traces/detail/${encodeURIComponent(trace.traceId)}`;
  link.title = `Trace ${trace.traceId}`;
  const [meter, text] = durationCell.firstElementChild.children;
  meter.firstElementChild.style.width = `${(100 * trace.durationMs / longest).toFixed(1)}%`;
  text.textContent = formatDuration(trace.durationMs);
  spansCell.textContent = String(trace.spanCount);
  errorsCell.textContent = String(trace.errorCount);
  errorsCell.className = trace.errorCount > 0 ? 'number errors' : 'number';
}

async function refresh() {
  const run = generation;
  const parameters = formParameters(form);
  parameters.set('limit', '200');
  const page = await getJson(`/api/telemetry/traces?${parameters}`);
  if (run !== generation)
    return;
  showDropped('traces', page.dropped);
  longest = Math.max(0.001, ...page.items.map(trace => trace.durationMs));
  syncRows(table, page.items, trace => trace.traceId, createRow, updateRow);
  noTraces.hidden = page.items.length > 0;
  traceCount.textContent = `${page.items.length} shown, newest first`;
}

onFiltersChanged(form, () => {
  generation++;
  // The poll shows a failure to refresh.
  refresh().catch(() => {});
});
poll(refresh, 2000);
