/* Inbox: keyboard moves, live row refresh, the new ticket dialog. */
(function () {
  'use strict';
  const { $, $$, api, fail, debounce, throttle, handlers } = window.Hub;
  const rowsBox = $('#rows');

  // Keyboard: j/k move, Enter opens, / searches, c creates.
  let index = -1;
  function select(i) {
    const rows = $$('.row', rowsBox);
    if (!rows.length) { return; }
    index = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => r.classList.toggle('selected', n === index));
    rows[index].scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select, dialog')) { return; }
    if (e.key === 'j') { select(index + 1); } else if (e.key === 'k') { select(index - 1); }
    else if (e.key === 'Enter' && index >= 0) { const row = $$('.row', rowsBox)[index]; if (row) { location.href = $('a', row).href; } }
    else if (e.key === '/') { e.preventDefault(); $('#search').focus(); }
    else if (e.key === 'c') { e.preventDefault(); openDialog(); }
    else { return; }
  });
  $$('.filters select').forEach((s) => s.addEventListener('change', () => s.form.submit()));

  // Live: re-render the first page when any ticket changes, flash the changed rows. Both refreshes are throttled, not
  // debounced: a busy hub tells a page of changes every tenth of a second, which would put a debounce off for ever,
  // and each open page asks at most once per interval whatever the number of messages arriving.
  const changed = new Set();
  const refresh = throttle(async () => {
    if (rowsBox.dataset.first !== 'true') { return; }
    const response = await fetch('/inbox/rows?' + rowsBox.dataset.query, { credentials: 'same-origin' });
    if (!response.ok) { return; }
    rowsBox.innerHTML = await response.text();
    changed.forEach((id) => { const row = $('.row[data-ticket="' + id + '"]', rowsBox); if (row) { row.classList.add('flash'); } });
    changed.clear();
    index = -1;
  }, 1000);
  // The sidebar's counts, bounded by the server ("999+"), follow the same changes.
  const refreshCounts = throttle(async () => {
    const response = await fetch('/api/tickets/counts', { credentials: 'same-origin' });
    if (!response.ok) { return; }
    const counts = await response.json();
    $$('[data-count]').forEach((span) => {
      const count = counts[span.dataset.count];
      if (count) { span.textContent = count.more ? count.count + '+' : String(count.count); }
    });
  }, 1500);
  // A page in a hidden tab asks nothing: it catches up once when it is shown again.
  let stale = false;
  function catchUp() {
    if (document.hidden) { stale = true; return; }
    refresh(); refreshCounts();
  }
  document.addEventListener('visibilitychange', () => { if (!document.hidden && stale) { stale = false; catchUp(); } });
  handlers.ticket.push((data) => { changed.add(Number(data.ticketId)); catchUp(); });
  handlers.resync.push(catchUp);

  // New ticket.
  const dialog = $('#new-ticket');
  const form = $('#new-ticket-form');
  function openDialog() { form.reset(); chooseContact(null); $('#new-ticket-error').hidden = true; dialog.showModal(); $('input[name=subject]', form).focus(); }
  $('#new-ticket-open').addEventListener('click', openDialog);
  form.elements.channel.addEventListener('change', () => { $('#first-message').hidden = !form.elements.channel.value; });

  const results = $('#contact-results');
  function chooseContact(contact) {
    $('#contact-id').value = contact ? contact.id : '';
    $('#contact-new').hidden = !!contact;
    const chosen = $('#contact-chosen');
    chosen.hidden = !contact;
    chosen.textContent = '';
    results.textContent = '';
    if (contact) {
      const label = document.createElement('span');
      label.textContent = (contact.name || 'Unnamed') + ' · ' + contact.addresses.map((a) => a.value).join(', ');
      const clear = document.createElement('button');
      clear.type = 'button'; clear.className = 'btn ghost small'; clear.textContent = 'Change';
      clear.addEventListener('click', () => chooseContact(null));
      chosen.append(label, clear);
    }
  }
  $('#contact-search').addEventListener('input', debounce(async (e) => {
    const q = e.target.value.trim();
    results.textContent = '';
    if (q.length < 2) { return; }
    try {
      const found = await api('GET', '/api/contacts?q=' + encodeURIComponent(q));
      found.items.forEach((contact) => {
        const li = document.createElement('li');
        li.textContent = (contact.name || 'Unnamed') + ' — ' + contact.addresses.map((a) => a.value).join(', ');
        li.addEventListener('click', () => { chooseContact(contact); $('#contact-search').value = ''; });
        results.appendChild(li);
      });
      const create = document.createElement('li');
      create.className = 'muted';
      create.textContent = '+ New customer “' + q + '”';
      create.addEventListener('click', () => {
        chooseContact(null);
        if (q.includes('@')) { form.elements.email.value = q; } else if (/^[+\d][\d\s()-]+$/.test(q)) { form.elements.phone.value = q; } else { form.elements.name.value = q; }
        results.textContent = '';
      });
      results.appendChild(create);
    } catch (err) { fail(err); }
  }, 250));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = form.elements;
    const contact = f.contactId.value ? { id: Number(f.contactId.value) } : {};
    if (!f.contactId.value) { ['name', 'phone', 'email'].forEach((k) => { if (f[k].value.trim()) { contact[k] = f[k].value.trim(); } }); }
    const body = { subject: f.subject.value, contact };
    if (f.type.value) { body.type = f.type.value; }
    if (f.priority.value) { body.priority = f.priority.value; }
    if (f.status.value && f.status.value !== 'open') { body.status = f.status.value; }
    if (f.resolutionDue.value) { body.localResolutionDueAt = f.resolutionDue.value; body.timeZone = f.resolutionDue.dataset.timeZone; }
    const description = f.description.value.trim();
    if (f.channel.value && f.text.value.trim()) { body.channel = f.channel.value; body.text = f.text.value.trim(); }
    else if (description) { body.text = description; }
    try {
      const ticket = await api('POST', '/api/tickets', body);
      if (body.channel && description) { await api('POST', '/api/tickets/' + ticket.id + '/notes', { text: description }); }
      location.href = '/tickets/' + ticket.id;
    } catch (err) {
      const box = $('#new-ticket-error'); box.textContent = err.message; box.hidden = false;
    }
  });
}());
