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
