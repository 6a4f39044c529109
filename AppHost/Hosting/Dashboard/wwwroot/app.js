// The AppHost dashboard: a live table of resource instances, and the console and environment of the selected one.
// Everything that comes from resources is put on the page as text (textContent), never parsed as HTML:
// log lines in particular are whatever a process printed.
'use strict';

(() => {
  const MASK = '********';
  const MAX_LINES = 5000;
  const FLUSH_DELAY_MS = 50;
  const STATES = ['running', 'starting', 'waiting', 'unhealthy', 'restarting', 'exited', 'failed', 'stopping', 'stopped', 'not-started'];
  const ANSI_ESCAPE = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const dash = () => el('span', 'dash', '—');

  let resources = [];
  const rows = new Map();
  let selected = null;
  let environmentFor = null;
  let logSource = null;
  let lastSequence = 0;
  let pendingLines = [];
  let flushTimer = 0;

  // Formatting

  const pad = (n, width = 2) => String(n).padStart(width, '0');

  function clock(iso, millis) {
    const d = new Date(iso);
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    return millis ? `${time}.${pad(d.getMilliseconds(), 3)}` : time;
  }

  function startedText(iso) {
    const d = new Date(iso);
    const today = new Date();
    return d.toDateString() === today.toDateString() ? clock(iso) : `${d.toLocaleDateString()} ${clock(iso)}`;
  }

  const stateClass = (state) => (STATES.includes(state) ? `state state-${state}` : 'state');
  const stateLabel = (r) => (r.state === 'exited' && r.exitCode !== null && r.exitCode !== undefined ? `exited (${r.exitCode})` : r.state);
  const isHttp = (url) => /^https?:\/\//i.test(url);

  // Resource table

  // Rebuilds a cell only when what it shows changed, so links and focus survive the frequent updates.
  function setCell(td, key, build) {
    if (td.dataset.key === key) return;
    td.dataset.key = key;
    td.replaceChildren(...build());
  }

  function rowFor(name) {
    let tr = rows.get(name);
    if (!tr) {
      tr = document.createElement('tr');
      tr.tabIndex = 0;
      for (let i = 0; i < 8; i++) tr.appendChild(document.createElement('td'));
      tr.cells[4].className = 'num';
      tr.cells[5].className = 'num';
      tr.addEventListener('click', (e) => {
        if (!e.target.closest('a')) select(name);
      });
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(name);
        }
      });
      rows.set(name, tr);
    }
    return tr;
  }

  function endpointList(urls) {
    if (!urls || urls.length === 0) return dash();
    const list = el('div', 'endpoints');
    for (const url of urls) {
      if (isHttp(url)) {
        const a = el('a', '', url);
        a.href = url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        list.appendChild(a);
      } else {
        list.appendChild(el('code', '', url));
      }
    }
    return list;
  }

  function healthCell(health) {
    if (!health) {
      const none = dash();
      none.title = 'No health result yet';
      return [none];
    }
    const cell = el('div', 'health-cell');
    const head = el('div');
    const badge = el('span', health.healthy ? 'health health-healthy' : 'health health-unhealthy', health.healthy ? 'healthy' : 'unhealthy');
    const at = el('span', 'time muted', ` ${clock(health.checkedAt)}`);
    at.title = `Checked ${new Date(health.checkedAt).toLocaleString()}`;
    head.append(badge, at);
    head.title = health.detail || '';
    cell.appendChild(head);
    // A passing check's detail is routine (hover shows it); a failing one's is why, so it stays in view.
    if (health.detail && !health.healthy) {
      const detail = el('div', 'health-detail', health.detail);
      detail.title = health.detail;
      cell.appendChild(detail);
    }
    return [cell];
  }

  function renderRow(tr, r) {
    const c = tr.cells;
    setCell(c[0], `${r.name}\n${r.resource}`, () => {
      const parts = [el('span', 'name', r.name)];
      if (r.resource && r.resource !== r.name) parts.push(el('span', 'sub', `replica of ${r.resource}`));
      return parts;
    });
    setCell(c[1], r.type, () => [el('span', 'type', r.type)]);
    setCell(c[2], `${r.state}\n${r.exitCode}`, () => [el('span', stateClass(r.state), stateLabel(r))]);
    setCell(c[3], JSON.stringify(r.urls), () => [endpointList(r.urls)]);
    setCell(c[4], String(r.pid), () => [r.pid === null || r.pid === undefined ? dash() : el('span', 'mono', String(r.pid))]);
    setCell(c[5], String(r.restartCount), () => [el('span', r.restartCount > 0 ? 'warn' : '', String(r.restartCount))]);
    setCell(c[6], JSON.stringify(r.health), () => healthCell(r.health));
    setCell(c[7], String(r.startedAt), () => {
      if (!r.startedAt) return [dash()];
      const time = el('span', 'time', startedText(r.startedAt));
      time.title = new Date(r.startedAt).toLocaleString();
      return [time];
    });
    tr.classList.toggle('selected', r.name === selected);
  }

  function renderTable() {
    const body = $('resource-rows');
    const seen = new Set();
    resources.forEach((r, index) => {
      const tr = rowFor(r.name);
      renderRow(tr, r);
      seen.add(r.name);
      // Move a row only when it is out of place: moving a node would drop keyboard focus.
      if (body.children[index] !== tr) body.insertBefore(tr, body.children[index] || null);
    });
    for (const [name, tr] of rows) {
      if (!seen.has(name)) {
        tr.remove();
        rows.delete(name);
      }
    }
    $('empty').hidden = resources.length > 0;
    applyFilter();
    renderSummary();
    renderDetailsHeader();
  }

  function applyFilter() {
    const query = $('filter').value.trim().toLowerCase();
    for (const r of resources) {
      const text = `${r.name} ${r.resource} ${r.type} ${r.state}`.toLowerCase();
      rows.get(r.name).hidden = query !== '' && !text.includes(query);
    }
  }

  function renderSummary() {
    const summary = $('summary');
    if (resources.length === 0) {
      summary.replaceChildren();
      return;
    }
    const counts = new Map();
    for (const r of resources) counts.set(r.state, (counts.get(r.state) || 0) + 1);
    const parts = [el('strong', '', String(resources.length)), document.createTextNode(resources.length === 1 ? ' instance' : ' instances')];
    for (const state of [...STATES, ...[...counts.keys()].filter((s) => !STATES.includes(s))]) {
      if (!counts.has(state)) continue;
      parts.push(el('span', 'sep', '·'), el('strong', '', String(counts.get(state))), document.createTextNode(` ${state}`));
    }
    summary.replaceChildren(...parts);
  }

  function setConnection(state, text) {
    $('connection').dataset.state = state;
    $('connection-text').textContent = text;
  }

  function connect() {
    const source = new EventSource('/api/resources/stream');
    source.addEventListener('open', () => setConnection('live', 'Live'));
    source.addEventListener('message', (e) => {
      resources = JSON.parse(e.data);
      renderTable();
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up after a failed response; keep trying while the AppHost restarts.
        setConnection('down', 'Disconnected, retrying…');
        setTimeout(connect, 3000);
      } else {
        setConnection('down', 'Reconnecting…');
      }
    });
  }

  // Details of the selected instance

  function select(name) {
    if (selected === name) return;
    selected = name;
    history.replaceState(null, '', `#${encodeURIComponent(name)}`);
    $('details').hidden = false;
    $('layout').classList.add('has-details');
    for (const [rowName, tr] of rows) tr.classList.toggle('selected', rowName === name);
    environmentFor = null;
    renderDetailsHeader();
    openConsole(name);
  }

  function closeDetails() {
    selected = null;
    closeConsole();
    history.replaceState(null, '', location.pathname);
    $('details').hidden = true;
    $('layout').classList.remove('has-details');
    for (const tr of rows.values()) tr.classList.remove('selected');
  }

  function renderDetailsHeader() {
    if (!selected) return;
    const r = resources.find((x) => x.name === selected);
    $('details-name').textContent = selected;
    const state = $('details-state');
    if (!r) {
      state.className = 'state';
      state.textContent = '';
      $('details-sub').textContent = resources.length ? 'not registered' : '';
      return;
    }
    state.className = stateClass(r.state);
    state.textContent = stateLabel(r);
    const sub = [r.type];
    if (r.resource !== r.name) sub.push(`replica of ${r.resource}`);
    if (r.pid !== null && r.pid !== undefined) sub.push(`PID ${r.pid}`);
    $('details-sub').textContent = sub.join(' · ');
    // A (re)started process gets its environment anew.
    const key = `${r.name}\n${r.startedAt}`;
    if (environmentFor !== key) {
      environmentFor = key;
      loadEnvironment(r.name);
    }
  }

  function showTab(tab) {
    const logs = tab === 'logs';
    $('tab-logs').setAttribute('aria-selected', String(logs));
    $('tab-env').setAttribute('aria-selected', String(!logs));
    $('panel-logs').hidden = !logs;
    $('panel-env').hidden = logs;
    if (logs && $('follow').checked) scrollConsoleToEnd();
  }

  // Console

  function setLogStatus(text) {
    $('log-status').textContent = text;
  }

  function lineCountText() {
    const count = $('console').querySelectorAll('.line').length;
    return `${count} ${count === 1 ? 'line' : 'lines'}`;
  }

  function openConsole(name) {
    closeConsole();
    lastSequence = 0;
    pendingLines = [];
    $('console').replaceChildren(el('div', 'placeholder', 'Waiting for output…'));
    setLogStatus('Connecting…');
    const source = new EventSource(`/api/resources/${encodeURIComponent(name)}/logs`);
    logSource = source;
    source.addEventListener('open', () => {
      if (logSource === source) setLogStatus(`Streaming · ${lineCountText()}`);
    });
    source.addEventListener('message', (e) => {
      if (logSource !== source) return;
      const line = JSON.parse(e.data);
      // A reconnect replays the retained lines; skip those already shown.
      if (line.sequence <= lastSequence) return;
      lastSequence = line.sequence;
      pendingLines.push(line);
      if (pendingLines.length > MAX_LINES) pendingLines = pendingLines.slice(-MAX_LINES);
      if (!flushTimer) flushTimer = setTimeout(flushLines, FLUSH_DELAY_MS);
    });
    source.addEventListener('error', () => {
      if (logSource !== source) return;
      setLogStatus(source.readyState === EventSource.CLOSED ? 'Console unavailable' : 'Reconnecting…');
    });
  }

  function closeConsole() {
    if (logSource) logSource.close();
    logSource = null;
    clearTimeout(flushTimer);
    flushTimer = 0;
    pendingLines = [];
  }

  function flushLines() {
    flushTimer = 0;
    const consoleEl = $('console');
    const fragment = document.createDocumentFragment();
    for (const line of pendingLines) {
      const row = el('div', line.isError ? 'line err' : 'line');
      const at = el('span', 'at', clock(line.at, true));
      at.title = new Date(line.at).toLocaleString();
      row.append(at, el('span', 'text', line.text.replace(ANSI_ESCAPE, '')));
      fragment.appendChild(row);
    }
    pendingLines = [];
    consoleEl.querySelector('.placeholder')?.remove();
    consoleEl.appendChild(fragment);
    while (consoleEl.childElementCount > MAX_LINES) consoleEl.firstElementChild.remove();
    if ($('follow').checked) scrollConsoleToEnd();
    setLogStatus(`Streaming · ${lineCountText()}`);
  }

  function scrollConsoleToEnd() {
    const consoleEl = $('console');
    consoleEl.scrollTop = consoleEl.scrollHeight;
  }

  // Environment

  function showEnvironmentMessage(text) {
    $('env-rows').replaceChildren();
    const empty = $('env-empty');
    empty.textContent = text;
    empty.hidden = false;
  }

  async function loadEnvironment(name) {
    try {
      const response = await fetch(`/api/resources/${encodeURIComponent(name)}/environment`, { headers: { Accept: 'application/json' } });
      if (selected !== name) return;
      if (!response.ok) {
        showEnvironmentMessage(response.status === 404 ? 'This instance is not registered.' : `Could not load the environment (HTTP ${response.status}).`);
        return;
      }
      const variables = await response.json();
      if (selected !== name) return;
      if (variables.length === 0) {
        showEnvironmentMessage('No environment recorded for this instance yet.');
        return;
      }
      $('env-empty').hidden = true;
      $('env-rows').replaceChildren(...variables.map((v) => {
        const value = el('td');
        if (v.value === MASK) {
          value.append(el('span', 'masked', MASK), el('span', 'secret-tag', 'secret'));
        } else {
          value.textContent = v.value;
        }
        const tr = el('tr');
        tr.append(el('td', '', v.name), value);
        return tr;
      }));
    } catch {
      if (selected === name) showEnvironmentMessage('Could not load the environment.');
    }
  }

  // Wiring

  function start() {
    $('filter').addEventListener('input', applyFilter);
    $('details-close').addEventListener('click', closeDetails);
    $('tab-logs').addEventListener('click', () => showTab('logs'));
    $('tab-env').addEventListener('click', () => showTab('env'));
    $('wrap').addEventListener('change', (e) => $('console').classList.toggle('wrap', e.target.checked));
    $('follow').addEventListener('change', (e) => {
      if (e.target.checked) scrollConsoleToEnd();
    });
    $('clear-logs').addEventListener('click', () => {
      $('console').replaceChildren();
      setLogStatus(logSource ? `Streaming · ${lineCountText()}` : '');
    });
    // Scrolling up pauses following; scrolling back to the end resumes it.
    $('console').addEventListener('scroll', () => {
      const c = $('console');
      $('follow').checked = c.scrollHeight - c.scrollTop - c.clientHeight < 24;
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && selected && e.target !== $('filter')) closeDetails();
    });

    connect();
    if (location.hash.length > 1) {
      try {
        select(decodeURIComponent(location.hash.slice(1)));
      } catch {
        history.replaceState(null, '', location.pathname);
      }
    }
  }

  start();
})();
