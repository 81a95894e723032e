/* Ticket page: composer (channels, SMS segments, canned replies, notes with @mentions), controls, live thread. */
(function () {
  'use strict';
  const { $, $$, api, toast, fail, debounce, swapLive, handlers } = window.Hub;
  const ticketId = Number($('.ticket-shell').dataset.ticket);
  const base = '/api/tickets/' + ticketId;
  const composer = $('#composer');
  const text = $('#reply-text');
  let mode = 'reply';

  const scrollThread = () => { const t = $('#thread'); t.scrollTop = t.scrollHeight; };
  async function refresh() {
    const thread = $('#thread');
    const atBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 80;
    await swapLive('/tickets/' + ticketId + '?part=live');
    if (atBottom) { scrollThread(); }
    syncSendButtons();
  }
  // The composer is not swapped live: its "Send and …" buttons follow what the fresh head says the status allows.
  function syncSendButtons() {
    const controls = $('#controls');
    if (!controls) { return; }
    $('#send-resolve').hidden = controls.dataset.mayResolve !== 'true';
    $('#send-await').hidden = controls.dataset.mayAwaitReply !== 'true';
  }
  scrollThread();
  handlers.ticket.push((data) => { if (Number(data.ticketId) === ticketId) { refresh(); } });
  handlers.resync.push(refresh);

  // Reply or internal discussion.
  function setMode(next) {
    mode = next;
    $$('.mode', composer).forEach((b) => b.classList.toggle('active', b.dataset.mode === mode));
    composer.classList.toggle('note-mode', mode === 'note');
    $('.reply-actions', composer).hidden = mode === 'note';
    $('.note-actions', composer).hidden = mode !== 'note';
    text.placeholder = mode === 'note' ? 'Write an internal note… @name to mention a colleague' : 'Write a reply… (Ctrl+Enter to send)';
    updateSegments();
    text.focus();
  }
  $$('.mode', composer).forEach((b) => b.addEventListener('click', () => setMode(b.dataset.mode)));
  const channel = () => { const active = $('.chan.active', composer); return active ? active.dataset.channel : null; };
  composer.addEventListener('click', (e) => {
    const tab = e.target.closest('.chan');
    if (!tab || tab.disabled) { return; }
    $$('.chan', composer).forEach((b) => b.classList.toggle('active', b === tab));
    updateSegments();
  });

  // SMS: segments as you type.
  const smsCount = $('#sms-count');
  const updateSegments = debounce(async () => {
    if (mode !== 'reply' || channel() !== 'sms') { smsCount.hidden = true; return; }
    try {
      const s = await api('GET', '/api/sms/segments?text=' + encodeURIComponent(text.value));
      smsCount.textContent = s.segments + (s.segments === 1 ? ' SMS segment' : ' SMS segments') + ' · ' + s.units + ' chars · ' + s.encoding.toUpperCase()
        + (s.ucs2Because ? ' because of “' + s.ucs2Because + '” (' + s.ucs2BecauseCode + ')' : '');
      smsCount.hidden = false;
    } catch (err) { smsCount.hidden = true; }
  }, 200);
  text.addEventListener('input', updateSegments);

  // then: null, or the status the ticket moves to with the reply ('resolved', 'awaiting_reply').
  async function send(then) {
    const value = text.value.trim();
    if (!value) { text.focus(); return; }
    try {
      const body = { text: value };
      if (then) { body.status = then; }
      if (channel()) { body.channel = channel(); }
      await api('POST', base + '/replies', body);
      text.value = ''; updateSegments();
      toast(then === 'resolved' ? 'Sent and resolved' : then === 'awaiting_reply' ? 'Sent; awaiting the customer\'s reply' : 'Sent');
      await refresh(); scrollThread();
    } catch (err) { fail(err); }
  }
  async function addNote() {
    const value = text.value.trim();
    if (!value) { text.focus(); return; }
    try {
      await api('POST', base + '/notes', { text: value });
      text.value = '';
      toast('Note added');
      await refresh(); scrollThread();
    } catch (err) { fail(err); }
  }
  $('#send').addEventListener('click', () => send(null));
  $('#send-resolve').addEventListener('click', () => send('resolved'));
  $('#send-await').addEventListener('click', () => send('awaiting_reply'));
  $('#add-note').addEventListener('click', addNote);
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); if (mode === 'note') { addNote(); } else { send(null); } }
  });

  // @mentions from the agent list.
  const mentionList = $('#mention-list');
  let agents = null;
  let mentionActive = 0;
  async function mentionCandidates() {
    if (!agents) { agents = (await api('GET', '/api/agents')).filter((a) => a.active); }
    const before = text.value.slice(0, text.selectionStart);
    const match = /(^|\s)@([^@\n]{0,30})$/.exec(before);
    if (mode !== 'note' || !match) { return null; }
    const q = match[2].toLowerCase();
    return { start: before.length - match[2].length - 1, list: agents.filter((a) => a.name.toLowerCase().startsWith(q) || (a.email || '').toLowerCase().startsWith(q)).slice(0, 6) };
  }
  function insertMention(start, agent) {
    const end = text.selectionStart;
    text.value = text.value.slice(0, start) + '@' + agent.name + ' ' + text.value.slice(end);
    const at = start + agent.name.length + 2;
    text.setSelectionRange(at, at);
    mentionList.hidden = true;
    text.focus();
  }
  text.addEventListener('input', async () => {
    const found = await mentionCandidates().catch(() => null);
    mentionList.textContent = '';
    if (!found || !found.list.length) { mentionList.hidden = true; return; }
    mentionActive = 0;
    found.list.forEach((agent, n) => {
      const li = document.createElement('li');
      // Colleagues who are not administrators are listed without emails (GET /api/agents).
      li.textContent = agent.email ? agent.name + ' · ' + agent.email : agent.name + ' · line ' + agent.line;
      li.classList.toggle('active', n === 0);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); insertMention(found.start, agent); });
      li.dataset.start = found.start;
      li.agent = agent;
      mentionList.appendChild(li);
    });
    mentionList.hidden = false;
  });
  text.addEventListener('keydown', (e) => {
    if (mentionList.hidden) { return; }
    const items = $$('li', mentionList);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      mentionActive = (mentionActive + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((li, n) => li.classList.toggle('active', n === mentionActive));
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const li = items[mentionActive];
      insertMention(Number(li.dataset.start), li.agent);
    } else if (e.key === 'Escape') { mentionList.hidden = true; }
  });

  // Canned replies: groups left, replies right, search; inserting renders the variables for this ticket.
  const picker = $('#canned');
  let groups = [];
  let activeGroup = null;
  async function loadCanned(q) {
    groups = (await api('GET', '/api/canned?ticketId=' + ticketId + (q ? '&q=' + encodeURIComponent(q) : ''))).groups;
    if (!groups.some((g) => g.id === activeGroup)) { activeGroup = groups.length ? groups[0].id : null; }
    drawCanned(!!q);
  }
  function drawCanned(searching) {
    const left = $('#canned-groups'); const right = $('#canned-replies');
    left.textContent = ''; right.textContent = '';
    groups.forEach((g) => {
      const li = document.createElement('li');
      li.textContent = g.name + ' (' + g.replies.length + ')';
      li.classList.toggle('active', g.id === activeGroup && !searching);
      li.addEventListener('click', () => { activeGroup = g.id; $('#canned-search').value = ''; drawCanned(false); });
      left.appendChild(li);
    });
    const shown = searching ? groups.flatMap((g) => g.replies) : (groups.find((g) => g.id === activeGroup) || { replies: [] }).replies;
    shown.forEach((r, n) => {
      const li = document.createElement('li');
      li.tabIndex = 0;
      li.dataset.reply = r.id;
      li.classList.toggle('active', n === 0);
      const title = document.createElement('b'); title.textContent = r.title;
      const body = document.createElement('span'); body.textContent = r.preview || r.body;
      li.append(title, body);
      li.addEventListener('click', () => insertCanned(r.id));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') { insertCanned(r.id); } });
      right.appendChild(li);
    });
    if (!shown.length) { const li = document.createElement('li'); li.className = 'muted'; li.textContent = 'No replies match.'; right.appendChild(li); }
  }
  async function insertCanned(id) {
    try {
      const rendered = await api('POST', '/api/canned/replies/' + id + '/render', { ticketId });
      const start = text.selectionStart; const end = text.selectionEnd;
      text.value = text.value.slice(0, start) + rendered.text + text.value.slice(end);
      picker.close();
      text.focus();
      text.setSelectionRange(start + rendered.text.length, start + rendered.text.length);
      updateSegments();
    } catch (err) { fail(err); }
  }
  function openCanned() { $('#canned-search').value = ''; loadCanned('').catch(fail); picker.showModal(); $('#canned-search').focus(); }
  $('#canned-open').addEventListener('click', openCanned);
  $('#canned-search').addEventListener('input', debounce((e) => loadCanned(e.target.value.trim()).catch(fail), 200));
  $('#canned-search').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); const first = $('#canned-replies li[data-reply]'); if (first) { insertCanned(Number(first.dataset.reply)); } }
  });
  document.addEventListener('keydown', (e) => { if (e.key === '/' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); openCanned(); } });

  // Watching: the button in the Observers panel, or W anywhere outside a field.
  async function toggleWatch() {
    const button = $('#watch-toggle');
    const watching = button.dataset.watching === 'true';
    try {
      await api(watching ? 'DELETE' : 'POST', base + '/watch', {});
      toast(watching ? 'You stopped watching this ticket' : 'You are watching this ticket');
    } catch (err) { fail(err); }
    refresh();
  }
  document.addEventListener('keydown', (e) => {
    const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable]');
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 'w' || e.key === 'W')) { e.preventDefault(); toggleWatch(); }
  });

  // Taking the ticket: the Take button in the head, or T anywhere outside a field (already yours: nothing to do).
  async function take() {
    if (!$('#take')) { toast('This ticket is already yours'); return; }
    try {
      await api('POST', base + '/take', {});
      toast('The ticket is yours');
    } catch (err) { fail(err); }
    refresh();
  }
  document.addEventListener('keydown', (e) => {
    const typing = (e.target.closest && e.target.closest('input, textarea, select, [contenteditable], dialog')) || document.querySelector('dialog[open]');
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 't' || e.key === 'T')) { e.preventDefault(); take(); }
  });

  // Controls (delegated: the head is replaced by live updates).
  document.addEventListener('change', async (e) => {
    const id = e.target.id;
    try {
      if (id === 'status-select' || id === 'postpone-until') {
        // Saved on change like the other controls; postponing waits for its time.
        const select = $('#status-select');
        const postponing = select.selectedOptions[0].dataset.base === 'postponed';
        $('#until-wrap').hidden = !postponing;
        const body = { status: select.value };
        if (postponing) {
          // A wall-clock time in the viewer's zone: the server resolves it (a DST gap moves it forward).
          const input = $('#postpone-until');
          if (!input.value) { if (id === 'status-select') { input.focus(); } return; }
          body.localUntil = input.value;
          body.timeZone = input.dataset.timeZone;
        }
        await api('POST', base + '/status', body);
        e.target.blur(); // the live swap keeps a head that holds the focus, and this one must show what the status allows
        toast(postponing ? 'Postponed' : 'Status changed'); refresh(); return;
      }
      if (id === 'group-select') {
        await api('PATCH', base, { group: e.target.value ? Number(e.target.value) : null });
        e.target.blur(); // the live swap keeps a head that holds the focus, and this one must show the new group and buttons
      }
      else if (id === 'company-select') {
        await api('PATCH', base, { companyId: e.target.value ? Number(e.target.value) : null });
        e.target.blur(); // the live swap keeps a panel that holds the focus, and this one must show the new company
      }
      else if (id === 'assignee-select') { await api('PATCH', base, { assignee: e.target.value ? Number(e.target.value) : null }); }
      else if (id === 'type-select') { await api('PATCH', base, { type: e.target.value }); }
      else if (id === 'priority-select') { await api('PATCH', base, { priority: e.target.value }); }
      else if (id === 'observer-add') {
        const [kind, value] = e.target.value.split(':');
        if (!value) { return; }
        await api('POST', base + '/observers', kind === 'group' ? { groupId: Number(value) } : { agentId: Number(value) });
        e.target.blur(); // the live swap keeps a panel that holds the focus, and this one must show the new observer
      }
      else { return; }
      toast('Saved'); refresh();
    } catch (err) { fail(err); refresh(); }
  });
  // The postpone picker's quick choices: "in 1 hour" from now; "tomorrow 09:00" and "Monday 09:00" in the viewer's zone.
  async function postponeQuickly(button) {
    const select = $('#status-select');
    const current = select.selectedOptions[0];
    const status = current && current.dataset.base === 'postponed' ? select.value : 'postponed';
    const body = { status };
    if (button.dataset.quick === 'in-1-hour') {
      const at = new Date(Date.now() + 3600 * 1000); at.setSeconds(0, 0);
      body.until = at.toISOString();
    } else {
      body.localUntil = button.dataset.local;
      body.timeZone = $('#postpone-until').dataset.timeZone;
    }
    await api('POST', base + '/status', body);
    toast('Postponed until ' + button.textContent); refresh();
  }
  document.addEventListener('click', async (e) => {
    const target = e.target.closest('button');
    if (!target) { return; }
    try {
      if (target.classList.contains('postpone-quick')) { await postponeQuickly(target); return; }
      if (target.id === 'watch-toggle') { await toggleWatch(); return; }
      if (target.id === 'take') { await take(); return; }
      if (target.classList.contains('observer-remove')) {
        const item = target.closest('[data-observer-kind]');
        await api('DELETE', base + '/observers/' + item.dataset.observerKind + '/' + Number(item.dataset.observerId), {});
        toast('Observer removed'); refresh(); return;
      }
      if (target.id === 'escalate') {
        $('#escalate-reason').value = '';
        $('#escalate-dialog').showModal();
        return;
      } else if (target.id === 'send-back') {
        const moved = await api('POST', base + '/escalate', { line: 1 });
        toast('Sent back to ' + (moved.group ? moved.group.name : 'no group'));
      } else if (target.hasAttribute('data-original')) {
        const frame = target.nextElementSibling;
        frame.hidden = !frame.hidden;
        target.textContent = frame.hidden ? 'View original email' : 'Hide original email';
        return;
      } else { return; }
      refresh();
    } catch (err) { fail(err); refresh(); }
  });
  const escalateForm = $('#escalate-form');
  if (escalateForm) {
    escalateForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const reason = $('#escalate-reason').value.trim();
      if (!reason) { toast('Say why it goes up, for the next group', 'error'); return; }
      try {
        const moved = await api('POST', base + '/escalate', { reason });
        $('#escalate-dialog').close();
        toast('Escalated to ' + moved.group.name);
      } catch (err) { fail(err); }
      refresh();
    });
  }
  // The SLA block's resolution due time, set by hand in the viewer's zone or back to the computed one (delegated: the
  // side panel is replaced by live updates).
  document.addEventListener('submit', async (e) => {
    if (e.target.id !== 'sla-due-form') { return; }
    e.preventDefault();
    try {
      await api('PATCH', base, { localResolutionDueAt: $('#sla-due-input').value, timeZone: e.target.dataset.timeZone });
      toast('Resolution due time set'); refresh();
    } catch (err) { fail(err); }
  });
  document.addEventListener('click', async (e) => {
    if (!e.target.closest('#sla-due-clear')) { return; }
    try {
      await api('PATCH', base, { resolutionDueAt: null });
      toast('Back to the computed time'); refresh();
    } catch (err) { fail(err); }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.target.closest('input, textarea, select, dialog')) { location.href = '/'; }
    if (e.key === 'r' && !e.target.closest('input, textarea, select, dialog')) { e.preventDefault(); setMode('reply'); }
    if (e.key === 'n' && !e.target.closest('input, textarea, select, dialog')) { e.preventDefault(); setMode('note'); }
  });
}());
