// What every page of the dashboard shares: fetching the AppHost's JSON, polling it, building elements whose text is
// set as text (telemetry comes from the services and is never parsed as HTML), and formatting times and durations.

/** The JSON answer of a GET on the dashboard; throws with the server's message when it answers an error. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok)
    throw new Error(await errorOf(response));
  return response.json();
}

/** The `error` of a JSON error answer, or its status line. */
export async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string')
      return body.error;
  } catch {
    // Not JSON: the status says enough.
  }
  return `${response.status} ${response.statusText}`;
}

/**
 * Runs `refresh` now and then every `intervalMs` after the previous run ended. A failing run marks the header as
 * disconnected (the AppHost stopped, or the network failed) until a run succeeds again.
 */
export function poll(refresh, intervalMs) {
  const connection = document.getElementById('connection');
  const run = async () => {
    try {
      await refresh();
      connection.textContent = '';
    } catch (error) {
      connection.textContent = `Not updating: ${error.message}`;
    }
    setTimeout(run, intervalMs);
  };
  run();
}

/**
 * A new element. `properties` may hold `className`, `text` (set as textContent), `attributes` (set with
 * setAttribute) and `on` (event listeners); children are elements or strings, strings added as text.
 */
export function element(tag, properties = {}, ...children) {
  const created = document.createElement(tag);
  if (properties.className)
    created.className = properties.className;
  if (properties.text !== undefined)
    created.textContent = properties.text;
  for (const [name, value] of Object.entries(properties.attributes ?? {}))
    if (value !== undefined && value !== null && value !== false)
      created.setAttribute(name, value === true ? '' : String(value));
  for (const [event, listener] of Object.entries(properties.on ?? {}))
    created.addEventListener(event, listener);
  created.append(...children.filter(child => child !== null && child !== undefined));
  return created;
}

/** A dotted name (a log category, an instrument) as text nodes with a line break allowed after each dot. */
export function breakAtDots(name) {
  return name.split(/(?<=\.)/).flatMap((part, index) => index === 0 ? [part] : [document.createElement('wbr'), part]);
}

/**
 * Makes the rows of `container` show `items` in their order, one row per key: rows of known keys are updated in
 * place (so focus and expanded details survive a refresh), new ones created, gone ones removed.
 */
export function syncRows(container, items, keyOf, create, update) {
  const existing = new Map([...container.children].map(row => [row.dataset.key, row]));
  let previous = null;
  for (const item of items) {
    const key = String(keyOf(item));
    let row = existing.get(key);
    if (row)
      existing.delete(key);
    else {
      row = create(item);
      row.dataset.key = key;
    }
    update(row, item);
    const expectedPosition = previous ? previous.nextElementSibling : container.firstElementChild;
    if (expectedPosition !== row)
      container.insertBefore(row, expectedPosition);
    previous = row;
  }
  for (const gone of existing.values())
    gone.remove();
}

/**
 * Shows or hides the `details` row under `row` on a click anywhere on the row but its links: on its toggle button
 * too, which bubbles here and makes it work from the keyboard.
 */
export function expandOnClick(row, details) {
  const toggle = row.querySelector('.toggle');
  row.addEventListener('click', event => {
    if (event.target.closest('a'))
      return;
    details.hidden = !details.hidden;
    toggle.setAttribute('aria-expanded', String(!details.hidden));
    toggle.textContent = details.hidden ? '▸' : '▾';
  });
}

/** Shows what the telemetry caps have dropped in the footer (kind: logs, traces or points). */
export function showDropped(kind, count) {
  document.getElementById(`dropped-${kind}`).textContent = String(count);
}

/** Local time of day, to the second or (withMilliseconds) to the millisecond. */
export function formatTime(iso, withMilliseconds = false) {
  if (!iso)
    return '';
  const time = new Date(iso);
  const text = time.toLocaleTimeString(undefined, { hour12: false });
  return withMilliseconds ? `${text}.${String(time.getMilliseconds()).padStart(3, '0')}` : text;
}

/** A duration in milliseconds as µs, ms or s, with three significant digits at most. */
export function formatDuration(milliseconds) {
  if (milliseconds === 0)
    return '0 ms';
  if (milliseconds < 1)
    return `${Math.round(milliseconds * 1000)} µs`;
  if (milliseconds < 1000)
    return `${Number(milliseconds.toPrecision(3))} ms`;
  return `${Number((milliseconds / 1000).toPrecision(3))} s`;
}

/** A <time> element: local time as its text, the exact instant as its datetime and tooltip. */
export function timeElement(iso, withMilliseconds = false) {
  return element('time', { text: formatTime(iso, withMilliseconds), attributes: { datetime: iso, title: iso } });
}

/** The form's non-empty fields as query parameters. */
export function formParameters(form) {
  const parameters = new URLSearchParams();
  for (const [name, value] of new FormData(form))
    if (value)
      parameters.set(name, value);
  return parameters;
}

/**
 * Calls `apply` when a filter of the form changes (selects and checkboxes at once, text once
 * the typing pauses) and puts them in the address, so that a filtered page can be reloaded or shared.
 */
export function onFiltersChanged(form, apply) {
  const changed = () => {
    const parameters = formParameters(form);
    history.replaceState(null, '', parameters.size > 0 ? `?${parameters}` : location.pathname);
    apply();
  };
  let typing;
  form.addEventListener('change', event => {
    if (event.target.type !== 'search')
      changed();
  });
  form.addEventListener('input', event => {
    if (event.target.type !== 'search')
      return;
    clearTimeout(typing);
    typing = setTimeout(changed, 300);
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    changed();
  });
}

// Server-rendered times are written in UTC; show them in the browser's time zone.
for (const time of document.querySelectorAll('time[data-local]'))
  time.textContent = formatTime(time.getAttribute('datetime'), time.dataset.local === 'ms');

// A resource picker goes to the page of the resource chosen (its options' values are the pages' URLs).
for (const picker of document.querySelectorAll('select[data-navigate]'))
  picker.addEventListener('change', () => location.assign(picker.value));
