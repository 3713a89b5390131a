// The chosen instrument's panels as SVG line charts (one polyline per line, a few axis labels, a legend) and its
// series' latest figures, redrawn every 2 s.
import { element, formatTime, getJson, poll, showDropped } from './dashboard.js';

const panels = document.getElementById('panels');
const series = document.getElementById('series');
const svgNamespace = 'http://www.w3.org/2000/svg';
const colors = ['#5b3cc4', '#0969da', '#1a7f37', '#bf8700', '#cf222e', '#1b7c83', '#8250df', '#57606a'];
const frame = { width: 560, height: 220, left: 56, right: 18, top: 12, bottom: 26 };

function svg(tag, attributes = {}, text = undefined) {
  const created = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes))
    created.setAttribute(name, String(value));
  if (text !== undefined)
    created.textContent = text;
  return created;
}

/** Seconds below one are shown in milliseconds; OTLP's annotations in braces ({request}) are shown bare. */
function displayUnit(unit, largest) {
  if (unit === 's' && largest < 1)
    return { factor: 1000, label: 'ms' };
  return { factor: 1, label: unit.replace(/[{}]/g, '') };
}

/** A round step (1, 2 or 5 times a power of ten) that cuts `range` into about `count` parts. */
function niceStep(range, count) {
  const raw = range / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  return magnitude * (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1);
}

function formatValue(value) {
  return Number(value.toPrecision(3)).toLocaleString(undefined, { maximumFractionDigits: 3 });
}

function chart(panel) {
  const points = panel.lines.flatMap(line => line.points);
  const { factor, label } = displayUnit(panel.unit, Math.max(0, ...points.map(point => Math.abs(point.value))));
  const figure = element('figure', { className: 'chart' },
    element('figcaption', {}, panel.title, ' ', element('span', { className: 'muted', text: label ? `(${label})` : '' })));
  if (points.length === 0) {
    figure.append(element('p', { className: 'empty', text: 'No points yet: a rate needs two exports.' }));
    return figure;
  }

  const times = points.map(point => Date.parse(point.time));
  const values = points.map(point => point.value * factor);
  const firstTime = Math.min(...times);
  const lastTime = Math.max(...times, firstTime + 1000);
  const step = niceStep(Math.max(...values, 0) - Math.min(...values, 0) || 1, 4);
  const top = Math.max(Math.ceil(Math.max(...values) / step) * step, step);
  const bottom = Math.min(Math.floor(Math.min(...values) / step) * step, 0);
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const x = time => frame.left + (time - firstTime) / (lastTime - firstTime) * plotWidth;
  const y = value => frame.top + plotHeight - (value - bottom) / (top - bottom) * plotHeight;

  const drawing = svg('svg', {
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    role: 'img',
    'aria-label': `${panel.title}, ${panel.lines.length} line(s), ${formatTime(new Date(firstTime).toISOString())} to ${formatTime(new Date(lastTime).toISOString())}`,
  });
  for (let value = bottom; value <= top + step / 2; value += step) {
    drawing.append(
      svg('line', { class: 'grid', x1: frame.left, x2: frame.width - frame.right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'axis-label', x: frame.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, formatValue(value)));
  }
  for (const [share, anchor] of [[0, 'start'], [0.5, 'middle'], [1, 'end']]) {
    const time = firstTime + share * (lastTime - firstTime);
    drawing.append(svg('text', { class: 'axis-label', x: x(time), y: frame.height - 6, 'text-anchor': anchor },
      formatTime(new Date(time).toISOString())));
  }
  panel.lines.forEach((line, index) => {
    const color = colors[index % colors.length];
    const coordinates = line.points.map(point => `${x(Date.parse(point.time)).toFixed(1)},${y(point.value * factor).toFixed(1)}`);
    const polyline = svg('polyline', { points: coordinates.join(' '), stroke: color });
    polyline.append(svg('title', {}, line.label));
    drawing.append(polyline);
    // A line of one point has no length: a dot shows it.
    if (line.points.length === 1) {
      const [cx, cy] = coordinates[0].split(',');
      drawing.append(svg('circle', { cx, cy, r: 3, fill: color }));
    }
  });

  const legend = element('ul', { className: 'legend' }, ...panel.lines.map((line, index) => {
    const swatch = element('span', { className: 'swatch' });
    swatch.style.background = colors[index % colors.length];
    return element('li', {}, swatch, line.label);
  }));
  figure.append(drawing, legend);
  return figure;
}

async function refresh() {
  const resource = encodeURIComponent(panels.dataset.resource);
  const [instrument, instruments] = await Promise.all([
    getJson(`/api/telemetry/metrics/${resource}/${encodeURIComponent(panels.dataset.instrument)}`),
    getJson(`/api/telemetry/metrics?resource=${resource}`),
  ]);
  showDropped('points', instruments.dropped);
  panels.replaceChildren(...instrument.panels.map(chart));
  series.replaceChildren(...instrument.series.map(row => element('tr', {},
    element('td', { className: 'mono', text: row.attributes }),
    element('td', { text: row.latest }))));
}

if (panels)
  poll(refresh, 2000);
