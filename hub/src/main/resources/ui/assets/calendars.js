/* Admin: the service calendar editor. The weekly grid and the exception lines are turned into the API's JSON and saved
   with PUT /api/calendars/{id}; the preview asks GET /api/calendars/{id}/add from now. */
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

  function exceptions(text) {
    return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => {
      const space = line.indexOf(' ');
      const date = space < 0 ? line : line.slice(0, space);
      const rest = space < 0 ? '' : line.slice(space + 1).trim();
      return { date, hours: rest === '' || rest.toLowerCase() === 'closed' ? [] : intervals(rest, date) };
    });
  }

  const editor = $('#calendar-editor');
  if (editor) {
    const id = editor.dataset.calendar;
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
    const pad = (n) => String(n).padStart(2, '0');
    function renderMonth() {
      const special = {};
      $('#calendar-exceptions').value.split('\n').map((l) => l.trim()).filter((l) => l).forEach((line) => {
        const space = line.indexOf(' ');
        const date = space < 0 ? line : line.slice(0, space);
        const rest = space < 0 ? '' : line.slice(space + 1).trim();
        special[date] = rest === '' ? 'closed' : rest;
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
        cell.title = date + ': ' + (hours || 'closed');
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
    editor.addEventListener('input', renderMonth);
    renderMonth();

    $('#calendar-save').addEventListener('click', async () => {
      try {
        const hours = {};
        $$('[data-day]', editor).forEach((input) => { hours[input.dataset.day] = intervals(input.value, input.dataset.day); });
        const body = { name: $('#calendar-name').value.trim(), timeZone: $('#calendar-zone').value.trim(), hours,
          exceptions: exceptions($('#calendar-exceptions').value) };
        if ($('#calendar-default').checked && !$('#calendar-default').disabled) { body.default = true; }
        const saved = await api('PUT', '/api/calendars/' + id, body);
        // Show what was stored: sorted intervals, an end of 23:59 as 24:00, exception days in date order.
        $$('[data-day]', editor).forEach((input) => {
          input.value = saved.hours[input.dataset.day].map((pair) => pair.join('-')).join(', ');
        });
        $('#calendar-exceptions').value = saved.exceptions.map((day) => day.date + ' '
          + (day.hours.length ? day.hours.map((pair) => pair.join('-')).join(', ') : 'closed')).join('\n');
        if (saved.default) { $('#calendar-default').checked = true; $('#calendar-default').disabled = true; }
        toast('Calendar saved');
        renderMonth();
        preview();
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
