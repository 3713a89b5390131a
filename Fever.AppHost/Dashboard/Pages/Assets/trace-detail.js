// The waterfall: a click on a span shows its details; when more spans of the trace arrive (services export in
// batches), the page reloads to place them.
import { expandOnClick, getJson, poll } from './dashboard.js';

const waterfall = document.getElementById('waterfall');

async function reloadWhenSpansArrive() {
  const trace = await getJson(`/api/telemetry/traces/${encodeURIComponent(waterfall.dataset.traceId)}`);
  if (trace.summary.spanCount !== Number(waterfall.dataset.spanCount))
    location.reload();
}

if (waterfall) {
  for (const entry of waterfall.tBodies)
    expandOnClick(entry.rows[0], entry.rows[1]);
  poll(reloadWhenSpansArrive, 2000);
}
