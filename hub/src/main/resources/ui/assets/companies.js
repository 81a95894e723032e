/* Companies: a new company from the list, the card's edit form, categories renamed in place. Lists are one value a
   line (or comma-separated); the API says what it refuses, shown as a toast. */
(function () {
  'use strict';
  const { $, $$, api, toast, fail } = window.Hub;
  const lines = (text) => text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s);
  const chosen = (select) => Array.from(select.selectedOptions).map((o) => o.value);
  const ref = (value) => { const [kind, id] = value.split(':'); return { kind, id: Number(id) }; };

  const created = $('#company-new');
  if (created) {
    created.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { name: created.elements.name.value.trim(), domains: lines(created.elements.domains.value) };
      if (created.elements.categoryId.value) { body.categoryId = Number(created.elements.categoryId.value); }
      try {
        const company = await api('POST', '/api/companies', body);
        location.href = '/companies/' + company.id;
      } catch (err) { fail(err); }
    });
  }

  const edit = $('#company-edit');
  if (edit) {
    const id = edit.closest('[data-company]').dataset.company;
    edit.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = edit.elements;
      const manager = f.manager.value ? ref(f.manager.value) : null;
      const body = {
        name: f.name.value.trim(),
        categoryId: f.categoryId.value ? Number(f.categoryId.value) : null,
        manager: manager === null ? null : (manager.kind === 'group' ? { groupId: manager.id } : { agentId: manager.id }),
        domains: lines(f.domains.value),
        emails: lines(f.emails.value),
        phones: f.phones.value.split('\n').map((s) => s.trim()).filter((s) => s),
        observers: chosen(f.observers).map(ref),
        supervises: chosen(f.supervises).map(Number),
        notes: f.notes.value
      };
      try {
        await api('PATCH', '/api/companies/' + id, body);
        location.reload();
      } catch (err) { fail(err); }
    });
  }

  $$('.category-list [data-category]').forEach((item) => {
    const name = item.querySelector('.category-name');
    name.dataset.saved = name.value;
    name.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); name.blur(); } });
    name.addEventListener('change', async () => {
      const value = name.value.trim();
      if (!value) { name.value = name.dataset.saved; toast('A name cannot be empty', 'error'); return; }
      try {
        const saved = await api('PATCH', '/api/categories/' + item.dataset.category, { name: value });
        name.value = saved.name; name.dataset.saved = saved.name;
        toast('Renamed to “' + saved.name + '”');
      } catch (err) { name.value = name.dataset.saved; fail(err); }
    });
  });
}());
