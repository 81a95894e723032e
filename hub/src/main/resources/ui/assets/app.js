/* The agent hub's script: small, no build step. Every change goes through the JSON API (JSON-only = CSRF-safe);
   user text is only ever inserted with textContent. */
(function () {
  'use strict';
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const page = document.body.dataset.page;

  async function api(method, url, body) {
    const options = { method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    if (response.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search); throw new Error('Logged out'); }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!response.ok) {
      // The status and body go with the error: a 409 address_taken, say, names the contact that has the address.
      const error = new Error((data && data.message) || ('Request failed (' + response.status + ')'));
      error.status = response.status; error.data = data;
      throw error;
    }
    return data;
  }

  function toast(message, kind, link) {
    const box = document.createElement('div');
    box.className = 'toast' + (kind === 'error' ? ' error' : '');
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    box.textContent = message;
    if (link) {
      const a = document.createElement('a');
      a.href = link.href; a.textContent = ' ' + link.text;
      box.appendChild(a);
    }
    $('#toasts').appendChild(box);
    setTimeout(() => box.remove(), kind === 'error' ? 8000 : 6000);
  }
  const fail = (e) => toast(e.message, 'error');

  function debounce(fn, ms) {
    let timer;
    return function (...args) { clearTimeout(timer); timer = setTimeout(() => fn.apply(this, args), ms); };
  }

  // At most one run per `ms` however often it is called: the first call runs after `ms`, calls meanwhile join it, and
  // a call during a run brings one more run after it. Unlike debounce, a steady stream of calls still runs it.
  function throttle(fn, ms) {
    let timer = null;
    let running = false;
    let again = false;
    async function run() {
      timer = null; running = true; again = false;
      try { await fn(); } catch (err) { /* the next call tries again */ }
      running = false;
      if (again) { schedule(); }
    }
    function schedule() {
      if (running) { again = true; return; }
      if (!timer) { timer = setTimeout(run, ms); }
    }
    return schedule;
  }

  async function swapLive(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) { return; }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const active = document.activeElement;
    const editing = active && active.matches('input, textarea, select');
    $$('[data-live]').forEach((el) => {
      const fresh = doc.getElementById(el.id);
      if (fresh && !(editing && el.contains(active))) { el.replaceWith(fresh); }
    });
  }

  // "?" lists the keyboard shortcuts, anywhere but in a field.
  document.addEventListener('keydown', (e) => {
    const shortcuts = $('#shortcuts');
    if (e.key !== '?' || !shortcuts || e.ctrlKey || e.metaKey || e.altKey
        || e.target.closest('input, textarea, select, [contenteditable]') || $('dialog[open]')) { return; }
    e.preventDefault();
    shortcuts.showModal();
  });

  // Dialogs close on [data-close]; Esc is native.
  document.addEventListener('click', (e) => {
    const close = e.target.closest('[data-close]');
    if (close && close.closest('dialog')) { e.preventDefault(); close.closest('dialog').close(); }
  });

  // Generic admin actions: <form data-api data-method>, <button data-api data-method data-body>, <select data-patch data-field>.
  function formBody(form) {
    const body = {};
    $$('input[name], select[name], textarea[name]', form).forEach((field) => {
      if (field.name === '_csrf') { return; }
      if (field.type === 'checkbox') { body[field.name] = field.checked; return; }
      if (field.multiple) {
        body[field.name] = Array.from(field.selectedOptions).map((o) => (field.hasAttribute('data-number') ? Number(o.value) : o.value));
        return;
      }
      if (field.value === '' && !field.required) { return; }
      body[field.name] = field.hasAttribute('data-number') ? Number(field.value) : field.value;
    });
    return body;
  }
  document.addEventListener('submit', async (e) => {
    const form = e.target;
    if (!form.matches('form[data-api]')) { return; }
    e.preventDefault();
    try {
      await api(form.dataset.method || 'POST', form.dataset.api, formBody(form));
      location.reload();
    } catch (err) { fail(err); }
  });
  document.addEventListener('click', async (e) => {
    const button = e.target.closest('button[data-api]');
    if (!button) { return; }
    e.preventDefault();
    if (button.dataset.confirm && !confirm(button.dataset.confirm)) { return; }
    try {
      const method = button.dataset.method || 'POST';
      const result = await api(method, button.dataset.api, method === 'DELETE' ? undefined : JSON.parse(button.dataset.body || '{}'));
      if (button.dataset.then === 'token') {
        $('#token-value').textContent = result.token;
        $('#token-dialog').showModal();
      } else if (button.dataset.then === 'password') {
        $('#password-value').textContent = result.temporaryPassword;
        $('#password-dialog').showModal();
      } else { location.reload(); }
    } catch (err) { fail(err); }
  });
  document.addEventListener('change', async (e) => {
    const select = e.target.closest('select[data-patch]');
    if (!select) { return; }
    try {
      const body = {}; body[select.dataset.field] = select.hasAttribute('data-number') ? Number(select.value) : select.value;
      await api('PATCH', select.dataset.patch, body);
      toast('Saved');
    } catch (err) { fail(err); }
  });
  // Canned reply groups: move a group, then store every group's position in the order shown.
  document.addEventListener('click', async (e) => {
    const move = e.target.closest('[data-move-group]');
    if (!move) { return; }
    const group = move.closest('section[data-group]');
    const parent = group.parentElement;
    const sibling = (el, dir) => {
      let next = dir === 'up' ? el.previousElementSibling : el.nextElementSibling;
      while (next && !next.matches('section[data-group]')) { next = dir === 'up' ? next.previousElementSibling : next.nextElementSibling; }
      return next;
    };
    const other = sibling(group, move.dataset.moveGroup);
    if (!other) { return; }
    if (move.dataset.moveGroup === 'up') { parent.insertBefore(group, other); } else { parent.insertBefore(other, group); }
    try {
      const groups = $$('section[data-group]', parent);
      for (let i = 0; i < groups.length; i++) {
        await api('PATCH', '/api/canned/groups/' + groups[i].dataset.group, { position: i + 1 });
      }
      toast('Order saved');
    } catch (err) { fail(err); }
  });
  document.addEventListener('click', async (e) => {
    const move = e.target.closest('[data-move]');
    if (!move) { return; }
    const item = move.closest('li[data-reply]');
    const list = item.parentElement;
    if (move.dataset.move === 'up' && item.previousElementSibling) { list.insertBefore(item, item.previousElementSibling); }
    if (move.dataset.move === 'down' && item.nextElementSibling) { list.insertBefore(item.nextElementSibling, item); }
    try {
      await api('POST', list.dataset.order, { replyIds: $$('li[data-reply]', list).map((li) => Number(li.dataset.reply)) });
    } catch (err) { fail(err); }
  });

  // Live updates: server-sent events from /api/events. Browsers give a site only 6 HTTP/1.1 connections and a page
  // kept in the back/forward cache would keep its stream open, so the stream is closed whenever the page is left
  // (pagehide) and opened again if it comes back (pageshow); otherwise a few visited pages use up every connection
  // and the page's own requests wait forever. After a gap, `resync` handlers catch up on what was missed.
  const handlers = { ticket: [], mention: [], watched: [], queued: [], sla: [], resync: [] };
  let source = null;
  let connectedBefore = false;
  function showLive(on, title) {
    const dot = $('#live-dot');
    if (dot) { dot.classList.toggle('on', on); dot.title = title; }
  }
  function connectLive() {
    if (source || !document.body.dataset.me || typeof EventSource === 'undefined') { return; }
    source = new EventSource('/api/events');
    source.onopen = () => {
      showLive(true, 'Live updates on');
      if (connectedBefore) { handlers.resync.forEach((handler) => handler()); }
      connectedBefore = true;
    };
    source.onerror = () => showLive(false, 'Reconnecting…');
    ['ticket', 'mention', 'watched', 'queued', 'sla'].forEach((type) => source.addEventListener(type, (event) => {
      let data = {};
      try { data = JSON.parse(event.data); } catch (err) { return; }
      handlers[type].forEach((handler) => handler(data));
    }));
    // The server asks for a full refresh when this page fell too far behind to be told each change.
    source.addEventListener('resync', () => handlers.resync.forEach((handler) => handler()));
  }
  function disconnectLive() {
    if (!source) { return; }
    source.close();
    source = null;
    showLive(false, 'Live updates paused');
  }
  window.addEventListener('pagehide', disconnectLive);
  window.addEventListener('pageshow', connectLive);
  handlers.mention.push((data) => toast((data.by || 'A colleague') + ' mentioned you: “' + (data.text || '') + '”', 'info',
    { href: '/tickets/' + Number(data.ticketId), text: 'Open ticket' }));
  handlers.watched.push((data) => toast('New customer message on a ticket you watch: “' + (data.text || '') + '”', 'info',
    { href: '/tickets/' + Number(data.ticketId), text: 'Open ticket' }));
  handlers.queued.push((data) => toast('#' + Number(data.number) + ' “' + (data.subject || '') + '” is waiting in '
    + ((data.group && data.group.name) || 'a group') + ', unassigned', 'info',
    { href: '/tickets/' + Number(data.ticketId), text: 'Open ticket' }));
  // An SLA breach is an alert (kept longer, announced at once); a warning a plain notice.
  handlers.sla.push((data) => toast(data.text || '', /_breach$/.test(data.kind || '') ? 'error' : 'info',
    { href: '/tickets/' + Number(data.ticketId), text: 'Open ticket' }));

  window.Hub = { $, $$, api, toast, fail, debounce, throttle, swapLive, handlers, page };
  document.addEventListener('DOMContentLoaded', connectLive);
}());
