// A resource's console output, followed live: every second the lines after the last one shown are appended.
// While the view is scrolled to its end it stays there; scrolled up, it stays where the reader is.
import { element, getJson, poll, timeElement } from './dashboard.js';

const view = document.getElementById('console');
const lineCount = document.getElementById('line-count');
// The AppHost keeps this many lines per instance; the page keeps as many.
const maxLines = 10000;
let after = 0;

function lineElement(line) {
  return element('div', { className: line.isError ? 'line stderr' : 'line' },
    element('span', { className: 'number', text: String(line.number) }),
    timeElement(line.time, true),
    element('span', { className: 'stream', text: line.isError ? 'stderr' : '' }),
    element('span', { className: 'text', text: line.text }));
}

async function refresh() {
  const lines = await getJson(`/api/resources/${encodeURIComponent(view.dataset.resource)}/logs?after=${after}`);
  if (lines.length === 0) {
    if (after === 0)
      lineCount.textContent = 'No output yet.';
    return;
  }
  const atEnd = view.scrollHeight - view.scrollTop - view.clientHeight < 24;
  view.append(...lines.map(lineElement));
  after = lines[lines.length - 1].number;
  while (view.childElementCount > maxLines)
    view.firstElementChild.remove();
  lineCount.textContent = `${view.childElementCount} lines`;
  if (atEnd)
    view.scrollTop = view.scrollHeight;
}

if (view)
  poll(refresh, 1000);
