/* Admin: the service calendar editor. The weekly grid and the exception lines are turned into the API's JSON and saved
   with PUT /api/calendars/{id}; holidays are imported with POST /api/calendars/{id}/holidays; the preview asks
   GET /api/calendars/{id}/add from now. */
(function () {
  'use strict';
  const { $$, api, toast, fail } = window.Hub;
  const $ = (sel) => document.querySelector(sel);

  const intervals = (text, where) => text.split(',').map((part) => part.trim()).filter((part) => part !== '')
    .map((part) => {
      const pair = part.split('-').map((t) => t.trim());
      if (pair.length !== 2) { throw new Error(where + ': write an interval as 09:00-18:00, not “' + part + '”'); }
      return pair;
    });

  // An exception line: "<date> <hours, or closed> [# name]".
  function parseLine(line) {
    const hash = line.indexOf('#');
    const name = hash < 0 ? '' : line.slice(hash + 1).trim();
    const main = (hash < 0 ? line : line.slice(0, hash)).trim();
    const space = main.indexOf(' ');
    return { date: space < 0 ? main : main.slice(0, space), rest: space < 0 ? '' : main.slice(space + 1).trim(), name };
  }
  const lineOf = (day) => day.date + ' ' + (day.hours.length ? day.hours.map((pair) => pair.join('-')).join(', ') : 'closed')
    + (day.name ? ' # ' + day.name : '');
  const lines = (text) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

  // Imported days keep their mark while their line is as imported; an edited line, or "Checked", clears it.
  function exceptions(text, imported) {
    return lines(text).map((line) => {
      const { date, rest, name } = parseLine(line);
      const day = { date, hours: rest === '' || rest.toLowerCase() === 'closed' ? [] : intervals(rest, date) };
      if (name) { day.name = name; }
      if (imported.get(date) === line) { day.imported = true; } else if (imported.has(date)) { day.reviewed = true; }
      return day;
    });
  }

  const editor = $('#calendar-editor');
  if (editor) {
    const id = editor.dataset.calendar;
    const area = $('#calendar-exceptions');
    let imported = new Map();
    const importedDates = new Set(area.dataset.imported.split(' ').filter((d) => d));
    lines(area.value).forEach((line) => {
      const { date } = parseLine(line);
      if (importedDates.has(date)) { imported.set(date, line); }
    });
    // The imported days still as imported, listed to check.
    function renderImported() {
      const current = new Map(lines(area.value).map((line) => [parseLine(line).date, line]));
      const list = $('#imported-list');
      list.textContent = '';
      [...imported.keys()].sort().filter((date) => current.get(date) === imported.get(date)).forEach((date) => {
        const item = document.createElement('li');
        item.dataset.importedDate = date;
        const badge = document.createElement('span');
        badge.className = 'imported-badge';
        badge.textContent = 'imported, check it';
        item.append(badge, ' ' + date + ' ' + parseLine(imported.get(date)).name + ' ');
        const checked = document.createElement('button');
        checked.type = 'button';
        checked.className = 'btn small';
        checked.dataset.checked = date;
        checked.textContent = 'Checked';
        checked.setAttribute('aria-label', 'Checked ' + date);
        item.appendChild(checked);
        list.appendChild(item);
      });
      $('#imported-days').hidden = list.children.length === 0;
    }
    const stillImported = (date, line) => imported.get(date) === line;
    function showStored(calendar) {
      area.value = calendar.exceptions.map(lineOf).join('\n');
      imported = new Map(calendar.exceptions.filter((day) => day.imported).map((day) => [day.date, lineOf(day)]));
      renderImported();
    }
    const preview = async () => {
      const hours = Number($('#preview-hours').value || '0');
      try {
        const calendar = await api('GET', '/api/calendars/' + id);
        const due = await api('GET', '/api/calendars/' + id + '/add?from=' + encodeURIComponent(new Date().toISOString())
          + '&minutes=' + Math.round(hours * 60));
        const text = new Intl.DateTimeFormat('en-GB', { timeZone: calendar.timeZone, weekday: 'short', year: 'numeric',
          month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(due.at));
        $('#calendar-preview').textContent = text + ' (' + calendar.timeZone + ')';
      } catch (err) { $('#calendar-preview').textContent = '—'; fail(err); }
    };
    $('#preview-hours').addEventListener('change', preview);
    preview();

    // The month view: the weekly hours and the exception lines as they are typed, one month at a time.
    const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
      'November', 'December'];
    const today = new Date();
    let shown = { year: today.getFullYear(), month: today.getMonth() };
    // With days to check, the month view opens on the first of them.
    const firstImported = [...imported.keys()].sort()[0];
    if (firstImported) { shown = { year: Number(firstImported.slice(0, 4)), month: Number(firstImported.slice(5, 7)) - 1 }; }
    const pad = (n) => String(n).padStart(2, '0');
    function renderMonth() {
      const special = {};
      const names = {};
      const toCheck = new Set();
      lines(area.value).forEach((line) => {
        const { date, rest, name } = parseLine(line);
        special[date] = rest === '' ? 'closed' : rest;
        names[date] = name;
        if (stillImported(date, line)) { toCheck.add(date); }
      });
      const weekly = {};
      $$('[data-day]', editor).forEach((input) => { weekly[input.dataset.day] = input.value.trim(); });
      $('#month-caption').textContent = MONTHS[shown.month] + ' ' + shown.year;
      const body = $('#month-days');
      body.textContent = '';
      const first = new Date(Date.UTC(shown.year, shown.month, 1));
      const days = new Date(Date.UTC(shown.year, shown.month + 1, 0)).getUTCDate();
      let row = document.createElement('tr');
      for (let i = 0; i < (first.getUTCDay() + 6) % 7; i++) { row.appendChild(document.createElement('td')); }
      for (let d = 1; d <= days; d++) {
        const date = shown.year + '-' + pad(shown.month + 1) + '-' + pad(d);
        const weekday = DAY_KEYS[new Date(Date.UTC(shown.year, shown.month, d)).getUTCDay()];
        const cell = document.createElement('td');
        cell.dataset.date = date;
        const number = document.createElement('span');
        number.textContent = String(d);
        cell.appendChild(number);
        const hours = special[date] !== undefined ? special[date] : weekly[weekday];
        if (special[date] !== undefined) { cell.classList.add('exception-day'); }
        if (!hours || hours === 'closed') { cell.classList.add('closed-day'); }
        const note = document.createElement('small');
        note.textContent = special[date] !== undefined ? special[date] : '';
        cell.appendChild(note);
        if (toCheck.has(date)) {
          cell.classList.add('imported-day');
          const mark = document.createElement('small');
          mark.textContent = 'check';
          cell.appendChild(mark);
        }
        cell.title = date + ': ' + (hours || 'closed') + (names[date] ? ' — ' + names[date] : '')
          + (toCheck.has(date) ? ' (imported, check it)' : '');
        row.appendChild(cell);
        if (row.children.length === 7) { body.appendChild(row); row = document.createElement('tr'); }
      }
      if (row.children.length) { body.appendChild(row); }
    }
    const move = (delta) => {
      const m = shown.month + delta;
      shown = { year: shown.year + Math.floor(m / 12), month: ((m % 12) + 12) % 12 };
      renderMonth();
    };
    $('#month-prev').addEventListener('click', () => move(-1));
    $('#month-next').addEventListener('click', () => move(1));
    editor.addEventListener('input', () => { renderMonth(); renderImported(); });
    renderMonth();
    renderImported();

    $('#imported-list').addEventListener('click', (e) => {
      const date = e.target.dataset && e.target.dataset.checked;
      if (!date) { return; }
      imported.delete(date);
      renderImported();
      renderMonth();
      toast(date + ' checked; Save to keep it');
    });

    $('#holiday-import').addEventListener('submit', async (e) => {
      e.preventDefault();
      const year = Number($('#holiday-year').value);
      try {
        const result = await api('POST', '/api/calendars/' + id + '/holidays', { country: $('#holiday-country').value, year });
        showStored(result.calendar);
        const skipped = result.skipped.map((day) => day.date).join(', ');
        $('#holiday-result').textContent = 'Added ' + result.added.length + ', skipped ' + result.skipped.length
          + (skipped ? ' (' + skipped + ': an exception was there already)' : '');
        shown = { year, month: 0 };
        renderMonth();
        window.dispatchEvent(new Event('hub:sla-recalculation'));
      } catch (err) { fail(err); }
    });

    $('#calendar-save').addEventListener('click', async () => {
      try {
        const hours = {};
        $$('[data-day]', editor).forEach((input) => { hours[input.dataset.day] = intervals(input.value, input.dataset.day); });
        const body = { name: $('#calendar-name').value.trim(), timeZone: $('#calendar-zone').value.trim(), hours,
          exceptions: exceptions(area.value, imported) };
        if ($('#calendar-default').checked && !$('#calendar-default').disabled) { body.default = true; }
        const saved = await api('PUT', '/api/calendars/' + id, body);
        // Show what was stored: sorted intervals, an end of 23:59 as 24:00, exception days in date order.
        $$('[data-day]', editor).forEach((input) => {
          input.value = saved.hours[input.dataset.day].map((pair) => pair.join('-')).join(', ');
        });
        showStored(saved);
        if (saved.default) { $('#calendar-default').checked = true; $('#calendar-default').disabled = true; }
        toast('Calendar saved');
        renderMonth();
        preview();
        window.dispatchEvent(new Event('hub:sla-recalculation'));
      } catch (err) { fail(err); }
    });
  }

  $('#calendar-add').addEventListener('submit', async (e) => {
    e.preventDefault();
    const week = [['09:00', '18:00']];
    try {
      const created = await api('POST', '/api/calendars', { name: $('#new-calendar-name').value.trim(),
        timeZone: $('#new-calendar-zone').value.trim(),
        hours: { mon: week, tue: week, wed: week, thu: week, fri: week, sat: [], sun: [] }, exceptions: [] });
      location.href = '/admin/calendars?id=' + created.id;
    } catch (err) { fail(err); }
  });
}());
