/* Admin: customer notifications by channel and event, with template texts per language. */
(function () {
  'use strict';
  const { $, api, toast, fail } = window.Hub;
  const form = $('#notifications-form');
  if (!form) { return; }
  let settings = null;
  let language = null;
  const label = (s) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

  function draw() {
    $('#company-name').value = settings.companyName || '';
    $('#notify-statuses').value = (settings.statuses || []).join(', ');
    const channels = Object.keys(settings.channels);
    const events = Object.keys(settings.channels[channels[0]]);
    const head = $('#switches thead'); const body = $('#switches tbody');
    head.textContent = ''; body.textContent = '';
    const tr = document.createElement('tr');
    ['Channel'].concat(events).forEach((name) => { const th = document.createElement('th'); th.textContent = label(name); tr.appendChild(th); });
    head.appendChild(tr);
    channels.forEach((channel) => {
      const row = document.createElement('tr');
      const name = document.createElement('td'); name.textContent = channel === 'sms' ? 'SMS' : channel === 'api' ? 'Web form' : label(channel);
      row.appendChild(name);
      events.forEach((event) => {
        const td = document.createElement('td');
        const box = document.createElement('input');
        box.type = 'checkbox'; box.checked = settings.channels[channel][event];
        box.setAttribute('aria-label', channel + ' ' + event);
        box.addEventListener('change', () => { settings.channels[channel][event] = box.checked; });
        td.appendChild(box); row.appendChild(td);
      });
      body.appendChild(row);
    });
    const languages = Object.keys(settings.defaults || {});
    language = language || languages[0];
    const tabs = $('#lang-tabs'); tabs.textContent = '';
    languages.forEach((lang) => {
      const b = document.createElement('button');
      b.type = 'button'; b.className = 'btn small' + (lang === language ? ' primary' : '');
      b.textContent = lang.toUpperCase();
      b.addEventListener('click', () => { language = lang; draw(); });
      tabs.appendChild(b);
    });
    const texts = $('#texts'); texts.textContent = '';
    const defaults = settings.defaults[language] || {};
    settings.texts[language] = settings.texts[language] || {};
    Object.keys(defaults).forEach((key) => {
      const l = document.createElement('label');
      l.textContent = key;
      const area = document.createElement('textarea');
      area.rows = key.endsWith('.subject') ? 1 : 3;
      area.placeholder = defaults[key];
      area.value = settings.texts[language][key] || '';
      area.addEventListener('input', () => {
        if (area.value.trim()) { settings.texts[language][key] = area.value; } else { delete settings.texts[language][key]; }
      });
      l.appendChild(area); texts.appendChild(l);
    });
  }
  api('GET', '/api/notifications').then((json) => { settings = json; settings.texts = settings.texts || {}; draw(); }).catch(fail);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      companyName: $('#company-name').value.trim() || null,
      channels: settings.channels,
      statuses: $('#notify-statuses').value.split(',').map((s) => s.trim()).filter(Boolean),
      texts: settings.texts,
    };
    try {
      const saved = await api('PUT', '/api/notifications', body);
      saved.defaults = saved.defaults || settings.defaults;
      settings = saved; draw();
      toast('Notifications saved');
    } catch (err) { fail(err); }
  });
}());
