/* The new-ticket form's SLA line: POST /api/sla/preview with the type, priority, contact and channel picked so far,
   answered as "SLA: <rule> — response by …, resolution by …" in the calendar's time zone. */
(function () {
  'use strict';
  const { api, debounce } = window.Hub;
  const form = document.getElementById('new-ticket-form');
  const line = document.getElementById('new-ticket-sla');
  if (!form || !line) { return; }
  const when = (iso, zone) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric',
    month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));

  const refresh = debounce(async () => {
    const f = form.elements;
    const body = { channel: f.channel.value || 'api' };
    if (f.type.value) { body.type = f.type.value; }
    if (f.priority.value) { body.priority = f.priority.value; }
    if (f.contactId.value) { body.contactId = Number(f.contactId.value); }
    try {
      const sla = await api('POST', '/api/sla/preview', body);
      if (!sla.calendar) { line.textContent = 'SLA: none for this ticket'; return; }
      const parts = [];
      if (sla.responseDueAt) { parts.push('response by ' + when(sla.responseDueAt, sla.calendar.timeZone)); }
      if (sla.resolutionDueAt) { parts.push('resolution by ' + when(sla.resolutionDueAt, sla.calendar.timeZone)); }
      line.textContent = 'SLA: ' + (sla.rule ? sla.rule.name : 'the defaults') + ' — ' + parts.join(', ');
    } catch (err) { line.textContent = 'SLA: ' + err.message; }
  }, 150);

  ['type', 'priority', 'channel'].forEach((name) => form.elements[name].addEventListener('change', refresh));
  // the contact is chosen by a script that fills a hidden input: watch the chosen-contact box it redraws
  const chosen = document.getElementById('contact-chosen');
  if (chosen) { new MutationObserver(refresh).observe(chosen, { childList: true, attributes: true }); }
  const dialog = document.getElementById('new-ticket');
  if (dialog) { new MutationObserver(refresh).observe(dialog, { attributes: true, attributeFilter: ['open'] }); }
}());
