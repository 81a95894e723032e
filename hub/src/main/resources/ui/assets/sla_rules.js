/* Admin: the SLA rules. The list is read from GET /api/sla/rules and reordered with POST /api/sla/rules/order; the form
   creates (POST) or replaces (PUT) a rule; the toggles PATCH {enabled}; the defaults are PUT /api/sla/defaults. */
(function () {
  'use strict';
  const { $$, api, toast, fail, debounce } = window.Hub;
  const $ = (sel) => document.querySelector(sel);
  const list = $('#sla-rules');
  const form = $('#sla-rule-form');
  let rules = [];

  const seconds = (h, m) => {
    const hours = $(h).value.trim();
    const minutes = $(m).value.trim();
    if (hours === '' && minutes === '') { return null; }
    return Math.round((Number(hours || 0) * 60 + Number(minutes || 0)) * 60);
  };
  const showSeconds = (value, h, m) => {
    $(h).value = value == null ? '' : Math.floor(value / 3600);
    $(m).value = value == null ? '' : Math.floor((value % 3600) / 60);
  };
  const duration = (value) => {
    if (value == null) { return '—'; }
    const h = Math.floor(value / 3600);
    const m = Math.floor((value % 3600) / 60);
    return (h ? h + ' h' : '') + (h && m ? ' ' : '') + (m || !h ? m + ' min' : '');
  };
  const labelOf = (name, value) => {
    const input = form.querySelector('input[name="' + name + '"][value="' + value + '"]');
    return input ? input.parentElement.textContent.trim() : '#' + value;
  };
  const companyName = (id) => {
    const option = $('#rule-companies').querySelector('option[value="' + id + '"]');
    return option ? option.textContent : 'company #' + id;
  };

  function summary(rule) {
    const c = rule.conditions;
    const parts = [];
    if (c.typeIds.length) { parts.push('type ' + c.typeIds.map((id) => labelOf('typeIds', id)).join(' or ')); }
    if (c.priorityIds.length) { parts.push('priority ' + c.priorityIds.map((id) => labelOf('priorityIds', id)).join(' or ')); }
    if (c.categoryIds.length) { parts.push('category ' + c.categoryIds.map((id) => labelOf('categoryIds', id)).join(' or ')); }
    if (c.companyIds.length) { parts.push('company ' + c.companyIds.map(companyName).join(' or ')); }
    if (c.channels.length) { parts.push('channel ' + c.channels.join(' or ')); }
    if (c.weekdays.length) { parts.push(c.weekdays.join(', ')); }
    if (c.time) { parts.push(c.time.from + '–' + c.time.to); }
    return (parts.length ? parts.join('; ') : 'every ticket') + ' → response ' + duration(rule.responseSeconds)
      + ', resolution ' + duration(rule.resolutionSeconds);
  }

  function button(text, label, action) {
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'btn small'; b.textContent = text; b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    return b;
  }

  async function move(index, by) {
    const ids = rules.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    try { rules = await api('POST', '/api/sla/rules/order', { ids }); render(); toast('Order saved'); window.dispatchEvent(new Event('hub:sla-recalculation')); } catch (err) { fail(err); }
  }

  function render() {
    list.textContent = '';
    $('#sla-rules-empty').hidden = rules.length > 0;
    rules.forEach((rule, index) => {
      const li = document.createElement('li');
      li.className = 'sla-rule' + (rule.enabled ? '' : ' disabled');
      li.dataset.rule = rule.id;
      const text = document.createElement('div');
      const name = document.createElement('strong');
      name.textContent = rule.name;
      const detail = document.createElement('div');
      detail.className = 'muted small';
      detail.textContent = summary(rule);
      text.append(name, detail);
      const actions = document.createElement('div');
      actions.className = 'row-actions';
      const toggle = document.createElement('label');
      toggle.className = 'check';
      const box = document.createElement('input');
      box.type = 'checkbox'; box.checked = rule.enabled; box.dataset.toggle = rule.id;
      box.addEventListener('change', async () => {
        try { await api('PATCH', '/api/sla/rules/' + rule.id, { enabled: box.checked }); await load(); }
        catch (err) { box.checked = !box.checked; fail(err); }
      });
      toggle.append(box, document.createTextNode(' Enabled'));
      const up = button('↑', 'Move ' + rule.name + ' up', () => move(index, -1));
      up.disabled = index === 0;
      const down = button('↓', 'Move ' + rule.name + ' down', () => move(index, 1));
      down.disabled = index === rules.length - 1;
      const edit = button('Edit', 'Edit ' + rule.name, () => fill(rule));
      const remove = button('Delete', 'Delete ' + rule.name, async () => {
        if (!confirm('Delete the SLA rule ' + rule.name + '?')) { return; }
        try { await api('DELETE', '/api/sla/rules/' + rule.id); toast('Rule deleted'); window.dispatchEvent(new Event('hub:sla-recalculation')); await load(); } catch (err) { fail(err); }
      });
      remove.classList.add('danger');
      actions.append(toggle, up, down, edit, remove);
      li.append(text, actions);
      list.appendChild(li);
    });
  }

  function fill(rule) {
    form.dataset.rule = rule ? rule.id : '';
    $('#rule-form-title').textContent = rule ? 'Edit “' + rule.name + '”' : 'Add a rule';
    $('#rule-save').textContent = rule ? 'Save rule' : 'Add rule';
    $('#rule-cancel').hidden = !rule;
    $('#rule-name').value = rule ? rule.name : '';
    $('#rule-enabled').checked = rule ? rule.enabled : true;
    const c = rule ? rule.conditions : { typeIds: [], priorityIds: [], categoryIds: [], channels: [], weekdays: [], companyIds: [], time: null };
    ['typeIds', 'priorityIds', 'categoryIds', 'channels', 'weekdays'].forEach((name) => {
      $$('input[name="' + name + '"]', form).forEach((input) => {
        input.checked = c[name].map(String).includes(input.value);
      });
    });
    Array.from($('#rule-companies').options).forEach((o) => { o.selected = c.companyIds.map(String).includes(o.value); });
    $('#rule-time-from').value = c.time ? c.time.from : '';
    $('#rule-time-to').value = c.time ? c.time.to : '';
    $('#rule-calendar').value = rule && rule.calendarId ? String(rule.calendarId) : '';
    showSeconds(rule ? rule.responseSeconds : null, '#rule-response-h', '#rule-response-m');
    showSeconds(rule ? rule.resolutionSeconds : null, '#rule-resolution-h', '#rule-resolution-m');
    if (rule) { $('#rule-name').focus(); }
  }

  function checked(name, numbers) {
    return $$('input[name="' + name + '"]:checked', form).map((i) => (numbers ? Number(i.value) : i.value));
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const from = $('#rule-time-from').value.trim();
    const to = $('#rule-time-to').value.trim();
    const body = {
      name: $('#rule-name').value,
      enabled: $('#rule-enabled').checked,
      conditions: {
        typeIds: checked('typeIds', true), priorityIds: checked('priorityIds', true),
        categoryIds: checked('categoryIds', true), channels: checked('channels', false), weekdays: checked('weekdays', false),
        companyIds: Array.from($('#rule-companies').selectedOptions).map((o) => Number(o.value)),
        time: from || to ? { from, to } : null
      },
      calendarId: $('#rule-calendar').value ? Number($('#rule-calendar').value) : null,
      responseSeconds: seconds('#rule-response-h', '#rule-response-m'),
      resolutionSeconds: seconds('#rule-resolution-h', '#rule-resolution-m')
    };
    const id = form.dataset.rule;
    try {
      if (id) { await api('PUT', '/api/sla/rules/' + id, body); toast('Rule saved'); window.dispatchEvent(new Event('hub:sla-recalculation')); }
      else { await api('POST', '/api/sla/rules', body); toast('Rule added'); window.dispatchEvent(new Event('hub:sla-recalculation')); }
      fill(null);
      await load();
    } catch (err) { fail(err); }
  });
  $('#rule-cancel').addEventListener('click', () => fill(null));

  $('#rule-company-search').addEventListener('input', debounce(async (e) => {
    const q = e.target.value.trim();
    if (q.length < 2) { return; }
    try {
      const found = await api('GET', '/api/companies?q=' + encodeURIComponent(q) + '&limit=20');
      const select = $('#rule-companies');
      found.items.forEach((company) => {
        if (!select.querySelector('option[value="' + company.id + '"]')) {
          const option = document.createElement('option');
          option.value = company.id; option.textContent = company.name;
          select.appendChild(option);
        }
      });
    } catch (err) { fail(err); }
  }, 250));

  const defaultsForm = $('#sla-defaults-form');
  defaultsForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('PUT', '/api/sla/defaults', {
        calendarId: $('#defaults-calendar').value ? Number($('#defaults-calendar').value) : null,
        responseSeconds: seconds('#defaults-response-h', '#defaults-response-m'),
        resolutionSeconds: seconds('#defaults-resolution-h', '#defaults-resolution-m')
      });
      toast('Defaults saved'); window.dispatchEvent(new Event('hub:sla-recalculation'));
    } catch (err) { fail(err); }
  });

  async function load() {
    try {
      rules = await api('GET', '/api/sla/rules');
      render();
    } catch (err) { fail(err); }
  }

  (async function start() {
    await load();
    try {
      const defaults = await api('GET', '/api/sla/defaults');
      $('#defaults-calendar').value = defaults.calendarId ? String(defaults.calendarId) : '';
      showSeconds(defaults.responseSeconds, '#defaults-response-h', '#defaults-response-m');
      showSeconds(defaults.resolutionSeconds, '#defaults-resolution-h', '#defaults-resolution-m');
    } catch (err) { fail(err); }
  })();
}());
