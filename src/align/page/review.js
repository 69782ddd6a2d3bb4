// The review page's editor: plain DOM, no library, everything offline. The decisions live in `beads`
// (the JSON block's, edited); the table shows them, one row a bead, and an edit replaces only the rows it
// touches, so that a novel's thousands of rows stay quick. Every button, key and test step goes through
// `perform`. The TMX and TSV written here must stay byte for byte those of `trame align --from-review`
// (src/align/output.rs): tests/cli_align.rs compares them.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('review-data').textContent);
  const table = document.getElementById('beads');
  const tbody = table.tBodies[0];
  const status = document.getElementById('status');
  const HIGH = Number(table.dataset.high);
  const MARKS = { unreviewed: '', right: '✓ right', wrong: '✗ wrong' };
  let beads = data.beads.map(copy);
  let selected = -1;
  let onlyReview = false;
  let unsaved = false;
  let capture = null; // in a test scenario, where downloads go instead of the browser
  // Each edit's inverse: where it happened, the beads it replaced and how many it put there.
  const history = [];

  function copy(b) {
    return { source: b.source.slice(), target: b.target.slice(), confidence: b.confidence, state: b.state || 'unreviewed' };
  }
  // A bead the reviewer made: right by their decision.
  function made(source, target) {
    return { source, target, confidence: 1, state: 'right' };
  }
  function isLink(b) { return b.source.length > 0 && b.target.length > 0; }
  function flagged(b) { return isLink(b) && b.state === 'unreviewed' && b.confidence < data.review_below; }
  function level(b) {
    if (!isLink(b)) return 'unaligned';
    if (b.confidence >= HIGH) return 'high';
    return b.confidence >= data.review_below ? 'medium' : 'low';
  }
  function needsReview(b) {
    return b.state === 'wrong' || (b.state === 'unreviewed' && (level(b) === 'low' || level(b) === 'unaligned'));
  }

  // ---- the table ----

  function cell(className, text) {
    const td = document.createElement('td');
    td.className = className;
    td.textContent = text;
    return td;
  }
  function sentencesCell(side, numbers) {
    const td = document.createElement('td');
    numbers.forEach((k, i) => {
      if (i > 0) td.append(' ');
      const span = document.createElement('span');
      span.className = 's';
      span.textContent = side.sentences[k];
      td.append(span);
    });
    return td;
  }
  function row(k) {
    const b = beads[k];
    const tr = document.createElement('tr');
    tr.className = level(b) + (b.state === 'unreviewed' ? '' : ' ' + b.state) + (k === selected ? ' selected' : '');
    tr.dataset.source = b.source.join(' ');
    tr.dataset.target = b.target.join(' ');
    tr.append(
      cell('n', String(k + 1)),
      sentencesCell(data.source, b.source),
      sentencesCell(data.target, b.target),
      cell('c', isLink(b) ? b.confidence.toFixed(2) : '—'),
      cell('r', MARKS[b.state] || ''),
    );
    tr.hidden = onlyReview && !needsReview(b);
    return tr;
  }
  function renderAll() {
    const rows = document.createDocumentFragment();
    for (let k = 0; k < beads.length; k++) rows.append(row(k));
    tbody.replaceChildren(rows);
    summary();
  }
  // Beads start .. start + added replaced the `removed` rows from start.
  function rerender(start, removed, added) {
    for (let j = 0; j < removed; j++) tbody.rows[start].remove();
    const rows = document.createDocumentFragment();
    for (let k = start; k < start + added; k++) rows.append(row(k));
    tbody.insertBefore(rows, tbody.rows[start] || null);
    if (added !== removed) {
      for (let k = start + added; k < beads.length; k++) tbody.rows[k].cells[0].textContent = String(k + 1);
    }
    summary();
  }
  function summary() {
    let links = 0, oneToOne = 0, sourceAlone = 0, targetAlone = 0, review = 0, right = 0, wrong = 0, sum = 0;
    for (const b of beads) {
      if (isLink(b)) {
        links++;
        sum += b.confidence;
        if (b.source.length === 1 && b.target.length === 1) oneToOne++;
      } else if (b.target.length === 0) {
        sourceAlone += b.source.length;
      } else {
        targetAlone += b.target.length;
      }
      if (flagged(b)) review++;
      if (b.state === 'right') right++;
      if (b.state === 'wrong') wrong++;
    }
    const stats = [
      ['links', String(links), 'links'],
      ['one-to-one', String(oneToOne), '1-1 links'],
      ['source-unaligned', String(sourceAlone), data.source.language + ' sentences unaligned'],
      ['target-unaligned', String(targetAlone), data.target.language + ' sentences unaligned'],
      ['review', String(review), 'links under ' + data.review_below.toFixed(2) + ' to review'],
      ['mean-confidence', (links ? sum / links : 0).toFixed(2), 'mean confidence'],
      ['right', String(right), 'marked right'],
      ['wrong', String(wrong), 'marked wrong'],
    ];
    document.getElementById('summary').replaceChildren(...stats.map(([id, value, label]) => {
      const div = document.createElement('div');
      div.id = id;
      const b = document.createElement('b');
      b.textContent = value;
      div.append(b, label);
      return div;
    }));
  }
  function select(k, scroll) {
    if (selected >= 0 && tbody.rows[selected]) tbody.rows[selected].classList.remove('selected');
    selected = k >= 0 && k < beads.length ? k : -1;
    document.getElementById('current').textContent = selected >= 0 ? String(selected + 1) : '—';
    if (selected >= 0) {
      const tr = tbody.rows[selected];
      tr.classList.add('selected');
      if (scroll) tr.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- edits ----

  // Replaces `removed` beads at `start` by `replacement`, remembering how to undo it.
  function edit(start, removed, replacement, then) {
    history.push({ start, beads: beads.slice(start, start + removed).map(copy), added: replacement.length, selected });
    if (history.length > 500) history.shift();
    beads.splice(start, removed, ...replacement);
    unsaved = true;
    selected = -1;
    rerender(start, removed, replacement.length);
    select(then, true);
    return null;
  }
  function bead(k) { return beads[k] ? null : 'select a bead first (click a row)'; }

  // Each returns null when done, or why it could not be.
  const actions = {
    // The bead and the next one become one.
    merge(k) {
      if (bead(k)) return bead(k);
      if (k + 1 >= beads.length) return 'bead ' + (k + 1) + ' is the last one: nothing to merge it with';
      const a = beads[k], b = beads[k + 1];
      return edit(k, 2, [made(a.source.concat(b.source), a.target.concat(b.target))], k);
    },
    // The first or last sentence of one side (or of both, as a link of their own) leaves the bead.
    split(k, side, end) {
      if (bead(k)) return bead(k);
      const b = beads[k];
      const taken = side === 'both' ? ['source', 'target'] : [side];
      if (!taken.every((s) => s === 'source' || s === 'target') || (end !== 'first' && end !== 'last')) {
        return 'unknown split ' + side + ' ' + end;
      }
      const missing = taken.find((s) => b[s].length === 0);
      if (missing) return 'bead ' + (k + 1) + ' has no ' + missing + ' sentence';
      const rest = { source: b.source.slice(), target: b.target.slice() };
      const piece = { source: [], target: [] };
      for (const s of taken) piece[s] = [end === 'first' ? rest[s].shift() : rest[s].pop()];
      if (rest.source.length === 0 && rest.target.length === 0) {
        return 'bead ' + (k + 1) + ' has only that: nothing would be left';
      }
      const parts = [made(rest.source, rest.target), made(piece.source, piece.target)];
      if (end === 'first') parts.reverse();
      return edit(k, 1, parts, end === 'first' ? k + 1 : k);
    },
    // The first sentence of a side goes to the end of the previous bead (up), or the last one to the
    // start of the next bead (down): the beads stay in text order.
    move(k, side, direction) {
      if (bead(k)) return bead(k);
      if ((side !== 'source' && side !== 'target') || (direction !== 'up' && direction !== 'down')) {
        return 'unknown move ' + side + ' ' + direction;
      }
      const up = direction === 'up';
      const j = up ? k - 1 : k + 1;
      if (!beads[j]) return 'bead ' + (k + 1) + ' has no ' + (up ? 'previous' : 'next') + ' bead';
      const b = beads[k];
      if (b[side].length === 0) return 'bead ' + (k + 1) + ' has no ' + side + ' sentence';
      const from = { source: b.source.slice(), target: b.target.slice() };
      const to = { source: beads[j].source.slice(), target: beads[j].target.slice() };
      if (up) to[side].push(from[side].shift());
      else to[side].unshift(from[side].pop());
      const receiver = made(to.source, to.target);
      const start = Math.min(j, k);
      if (from.source.length === 0 && from.target.length === 0) return edit(start, 2, [receiver], start);
      const left = made(from.source, from.target);
      return edit(start, 2, up ? [receiver, left] : [left, receiver], k);
    },
    mark(k, state) {
      if (bead(k)) return bead(k);
      if (!(state in MARKS)) return 'unknown state ' + state;
      const b = copy(beads[k]);
      b.state = state;
      return edit(k, 1, [b], k);
    },
    undo() {
      const last = history.pop();
      if (!last) return 'nothing to undo';
      beads.splice(last.start, last.added, ...last.beads);
      selected = -1;
      rerender(last.start, last.added, last.beads.length);
      select(last.selected, true);
      return null;
    },
    download(kind) {
      const name = baseName() + '.' + kind;
      if (kind === 'tmx') save(name, tmx(), 'application/x-tmx+xml');
      else if (kind === 'tsv') save(name, tsv(), 'text/tab-separated-values');
      else if (kind === 'json') save(name, json(), 'application/json');
      else return 'unknown download ' + kind;
      if (kind === 'json') unsaved = false;
      return null;
    },
  };

  function perform(name, k, a, b) {
    const problem = actions[name] ? actions[name](k, a, b) : 'unknown action ' + name;
    status.textContent = problem || '';
    return problem;
  }

  // ---- what the page downloads (as src/align/output.rs writes it) ----

  const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
  function xmlText(s) {
    return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
  }
  function xmlAttribute(s) {
    return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
  }
  function sideText(side, numbers) {
    return numbers.map((k) => side.sentences[k]).filter((s) => s !== '').join(' ');
  }
  function writtenConfidence(b) { return b.state === 'right' ? '1.000' : b.confidence.toFixed(3); }
  function tmx() {
    const date = xmlAttribute(data.creation_date);
    const out = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n',
      '  <header creationtool="trame" creationtoolversion="' + xmlAttribute(data.trame_version) +
        '" segtype="sentence" o-tmf="trame" adminlang="en" srclang="' + xmlAttribute(data.source.language) +
        '" datatype="plaintext" creationdate="' + date + '"/>\n  <body>\n',
    ];
    const prop = (type, value) => '      <prop type="' + type + '">' + xmlText(value) + '</prop>\n';
    const tuv = (side, numbers) =>
      '      <tuv xml:lang="' + xmlAttribute(side.language) + '"><seg>' + xmlText(sideText(side, numbers)) + '</seg></tuv>\n';
    for (const b of beads) {
      if (!isLink(b) || b.state === 'wrong') continue;
      out.push('    <tu creationdate="' + date + '">\n', prop('x-confidence', writtenConfidence(b)),
        prop('x-source-file', data.source.file), prop('x-target-file', data.target.file));
      if (flagged(b)) out.push(prop('x-review', 'yes'));
      if (b.state === 'right') out.push(prop('x-reviewed', 'right'));
      out.push(tuv(data.source, b.source), tuv(data.target, b.target), '    </tu>\n');
    }
    out.push('  </body>\n</tmx>\n');
    return out.join('');
  }
  function tsv() {
    const out = [];
    for (const b of beads) {
      if (b.state === 'wrong') continue;
      out.push(sideText(data.source, b.source) + '\t' + sideText(data.target, b.target) + '\t' + writtenConfidence(b) + '\n');
    }
    return out.join('');
  }
  function json() {
    const review = {
      format: data.format, version: data.version, trame_version: data.trame_version,
      creation_date: data.creation_date, review_below: data.review_below,
      source: data.source, target: data.target, beads,
    };
    return JSON.stringify(review) + '\n';
  }
  function baseName() {
    const file = data.source.file;
    const dot = file.lastIndexOf('.');
    return (dot > 0 ? file.slice(0, dot) : file) + '.review';
  }
  function hex(text) {
    let out = '';
    for (const byte of new TextEncoder().encode(text)) out += (byte < 16 ? '0' : '') + byte.toString(16);
    return out;
  }
  function save(name, text, type) {
    if (capture) {
      const pre = document.createElement('pre');
      pre.dataset.name = name;
      pre.textContent = hex(text);
      capture.append(pre);
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: type + ';charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- controls ----

  document.getElementById('toolbar').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const d = button.dataset;
    const end = document.getElementById('split-end').value;
    if (d.action === 'download') perform('download', d.kind);
    else if (d.action === 'undo') perform('undo');
    else perform(d.action, selected, d.side || d.state, d.action === 'split' ? end : d.direction);
  });
  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('tr');
    if (tr) select(tr.sectionRowIndex, false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, select, textarea')) return;
    const end = document.getElementById('split-end').value;
    const keys = {
      j: () => select(Math.min(selected + 1, beads.length - 1), true),
      ArrowDown: () => select(Math.min(selected + 1, beads.length - 1), true),
      k: () => select(Math.max(selected - 1, 0), true),
      ArrowUp: () => select(Math.max(selected - 1, 0), true),
      m: () => perform('merge', selected),
      s: () => perform('split', selected, 'source', end),
      t: () => perform('split', selected, 'target', end),
      p: () => perform('split', selected, 'both', end),
      r: () => perform('mark', selected, 'right'),
      w: () => perform('mark', selected, 'wrong'),
      u: () => perform('mark', selected, 'unreviewed'),
      z: () => perform('undo'),
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  });
  document.getElementById('only-review').addEventListener('change', (e) => {
    onlyReview = e.target.checked;
    beads.forEach((b, k) => { tbody.rows[k].hidden = onlyReview && !needsReview(b); });
  });
  window.addEventListener('beforeunload', (e) => {
    if (unsaved) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  renderAll();

  // A scripted scenario for tests, in the address: #test=merge:3,split:5:source:last,move:2:target:down,
  // mark:4:wrong,undo,download:tmx (bead numbers as the page shows them). Downloads go into
  // #test-downloads (hex-encoded UTF-8) and each step's outcome into #test-log.
  const scenario = /^#test=(.*)$/.exec(location.hash);
  if (scenario) {
    capture = document.getElementById('test-downloads');
    const log = [];
    for (const step of decodeURIComponent(scenario[1]).split(',')) {
      const [name, ...args] = step.split(':');
      const problem = name === 'download' || name === 'undo'
        ? perform(name, args[0])
        : perform(name, Number(args[0]) - 1, args[1], args[2]);
      log.push(step + ' ' + (problem ? 'refused: ' + problem : 'done'));
    }
    document.getElementById('test-log').textContent = log.join('\n');
  }
})();
