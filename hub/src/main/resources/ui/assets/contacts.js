/* Contacts (issue 17): the Clients list, the contact card, the merge's confirmation, and the customer panel of the
   ticket page (rename, add a phone or an email in place). Every change goes through /api/contacts; user text is only
   ever inserted with textContent. */
(function () {
  'use strict';
  const { $, $$, toast, fail } = window.Hub;
  const call = window.Hub.api;
  const contactUrl = (id) => '/api/contacts/' + id;

  function cardId() {
    const card = $('.contact-card');
    return card ? card.dataset.contact : null;
  }

  async function patch(body, saved) {
    try {
      await call('PATCH', contactUrl(cardId()), body);
      toast(saved);
      location.reload();
    } catch (err) { fail(err); }
  }

  /* An address of another contact: say whose, and offer the merge (its confirmation page shows both first). */
  function offerMerge(form, contactId, err) {
    const box = form.parentElement.querySelector('.address-taken');
    if (!box) { fail(err); return; }
    const own = form.dataset.contact;
    box.textContent = '';
    box.append(document.createTextNode('This address belongs to '));
    const card = document.createElement('a');
    card.href = '/contacts/' + err.data.contactId; card.textContent = 'contact #' + err.data.contactId;
    card.className = 'taken-card';
    box.append(card, document.createTextNode('. If they are one person: '));
    const merge = document.createElement('a');
    merge.href = '/contacts/' + own + '/merge?into=' + err.data.contactId;
    merge.className = 'btn small merge-offer';
    merge.textContent = 'Merge into #' + err.data.contactId + '…';
    box.append(merge);
    box.hidden = false;
  }

  // Adding an address, on the card and in the ticket page's customer panel.
  document.addEventListener('submit', async (e) => {
    const form = e.target.closest('form.address-add');
    if (!form) { return; }
    e.preventDefault();
    const kind = form.querySelector('[name=kind]').value;
    const value = form.querySelector('[name=value]').value.trim();
    if (!value) { return; }
    try {
      const card = await call('POST', contactUrl(form.dataset.contact) + '/addresses', { kind, value });
      const added = card.addresses.find((a) => a.kind === kind) || {};
      toast('Added ' + (added.value || value));
      location.reload();
    } catch (err) {
      if (err.status === 409 && err.data && err.data.error === 'address_taken') { offerMerge(form, form.dataset.contact, err); } else { fail(err); }
    }
  });

  // The ticket page: the customer panel edits in place.
  document.addEventListener('click', (e) => {
    const button = e.target.closest('#customer-edit');
    if (!button) { return; }
    const editor = $('#customer-editor');
    editor.hidden = !editor.hidden;
    button.setAttribute('aria-expanded', String(!editor.hidden));
    if (!editor.hidden) { $('[name=value]', $('#customer-address')).focus(); }
  });
  document.addEventListener('submit', async (e) => {
    const form = e.target.closest('#customer-rename');
    if (!form) { return; }
    e.preventDefault();
    const id = $('#customer-card').dataset.contact;
    try {
      const card = await call('PATCH', contactUrl(id), { name: form.querySelector('[name=name]').value });
      toast('Renamed to “' + card.name + '”');
      location.reload();
    } catch (err) { fail(err); }
  });

  // The Clients list: a new contact.
  const newForm = $('#contact-new');
  if (newForm) {
    $('#contact-new-open').addEventListener('click', () => { newForm.hidden = !newForm.hidden; if (!newForm.hidden) { newForm.querySelector('[name=name]').focus(); } });
    newForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = {};
      ['name', 'email', 'phone'].forEach((field) => { const v = newForm.querySelector('[name=' + field + ']').value.trim(); if (v) { body[field] = v; } });
      try {
        const card = await call('POST', '/api/contacts', body);
        location.href = '/contacts/' + card.id;
      } catch (err) {
        if (err.status === 409 && err.data && err.data.contactId) {
          toast(err.message, 'error');
          setTimeout(() => { location.href = '/contacts/' + err.data.contactId; }, 1500);
        } else { fail(err); }
      }
    });
  }

  // The card.
  if (cardId()) {
    const name = $('#contact-name');
    if (name) {
      name.dataset.saved = name.value;
      name.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); name.blur(); } });
      name.addEventListener('change', () => {
        if (!name.value.trim()) { name.value = name.dataset.saved; toast('A name cannot be empty', 'error'); return; }
        patch({ name: name.value.trim() }, 'Renamed');
      });
    }
    const company = $('#contact-company');
    if (company) { company.addEventListener('change', () => patch({ companyId: company.value ? Number(company.value) : null }, 'Company saved')); }
    const manager = $('#contact-manager');
    if (manager) {
      manager.addEventListener('change', () => {
        const [kind, id] = manager.value.split(':');
        patch({ manager: manager.value ? (kind === 'agent' ? { agentId: Number(id) } : { groupId: Number(id) }) : null }, 'Manager saved');
      });
    }
    const observers = () => $$('#contact-observer-list li[data-observer-kind]').map((li) => ({ kind: li.dataset.observerKind, id: Number(li.dataset.observerId) }));
    const addObserver = $('#contact-observer-add');
    if (addObserver) {
      addObserver.addEventListener('change', () => {
        if (!addObserver.value) { return; }
        const [kind, id] = addObserver.value.split(':');
        patch({ observers: observers().concat([{ kind, id: Number(id) }]) }, 'Observer added');
      });
    }
    document.addEventListener('click', (e) => {
      const remove = e.target.closest('.contact-observer-remove');
      if (!remove) { return; }
      const li = remove.closest('li');
      patch({ observers: observers().filter((o) => !(o.kind === li.dataset.observerKind && String(o.id) === li.dataset.observerId)) }, 'Observer removed');
    });
    const saveNotes = $('#contact-notes-save');
    if (saveNotes) { saveNotes.addEventListener('click', () => patch({ notes: $('#contact-notes').value }, 'Notes saved')); }
    document.addEventListener('click', async (e) => {
      const remove = e.target.closest('.address-remove');
      if (!remove) { return; }
      const li = remove.closest('li');
      if (!confirm('Remove ' + li.querySelector('.value').textContent + ' from this contact?')) { return; }
      try {
        await call('DELETE', contactUrl(cardId()) + '/addresses/' + li.dataset.address);
        location.reload();
      } catch (err) { fail(err); }
    });
  }

  // The merge: choosing the other contact, then confirming.
  const search = $('#merge-search');
  if (search) {
    const results = $('#merge-results');
    let timer;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = search.value.trim();
        results.textContent = '';
        if (q.length < 2) { return; }
        try {
          const found = await call('GET', '/api/contacts?q=' + encodeURIComponent(q));
          found.items.filter((c) => String(c.id) !== results.dataset.source).forEach((c) => {
            const li = document.createElement('li');
            const label = document.createElement('span');
            label.textContent = (c.name || 'No name') + ' #' + c.id + ' — ' + c.addresses.map((a) => a.value).join(', ');
            const pick = document.createElement('a');
            pick.className = 'btn small'; pick.textContent = 'Compare';
            pick.href = '/contacts/' + results.dataset.source + '/merge?into=' + c.id;
            li.append(label, pick);
            results.appendChild(li);
          });
        } catch (err) { fail(err); }
      }, 250);
    });
  }
  const mergeForm = $('#merge-form');
  if (mergeForm) {
    mergeForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const company = mergeForm.querySelector('[name=company]:checked').value;
      const button = $('#merge-confirm');
      button.disabled = true;
      try {
        await call('POST', contactUrl(mergeForm.dataset.source) + '/merge', { into: Number(mergeForm.dataset.target), company });
        location.href = '/contacts/' + mergeForm.dataset.target;
      } catch (err) { button.disabled = false; fail(err); }
    });
  }
}());
