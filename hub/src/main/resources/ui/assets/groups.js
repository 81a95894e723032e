/* Admin: groups renamed in place, their members and notify lists ticked, one escalation target chosen. */
(function () {
  'use strict';
  const { $$, api, toast, fail } = window.Hub;
  const urlOf = (card) => '/api/groups/' + card.dataset.group;
  const checked = (fieldset) => $$('input[type=checkbox]', fieldset).filter((box) => box.checked).map((box) => Number(box.value));

  $$('.group-card').forEach((card) => {
    const name = card.querySelector('[data-field=name]');
    name.dataset.saved = name.value;
    name.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); name.blur(); } });
    name.addEventListener('change', async () => {
      const value = name.value.trim();
      if (!value) { name.value = name.dataset.saved; toast('A name cannot be empty', 'error'); return; }
      try {
        const saved = await api('PATCH', urlOf(card), { name: value });
        name.value = saved.name; name.dataset.saved = saved.name;
        toast('Renamed to “' + saved.name + '”');
      } catch (err) { name.value = name.dataset.saved; fail(err); }
    });
    $$('[data-group-field]', card).forEach((fieldset) => {
      fieldset.addEventListener('change', async (e) => {
        const box = e.target;
        const field = fieldset.dataset.groupField;
        try {
          const saved = await api('PATCH', urlOf(card), { [field]: checked(fieldset) });
          if (field === 'members') {
            const n = saved.members.length;
            card.querySelector('[data-member-count]').textContent = n + (n === 1 ? ' member' : ' members');
          }
          toast(field === 'members' ? 'Members saved' : 'Notify list saved');
        } catch (err) { box.checked = !box.checked; fail(err); }
      });
    });
  });

  document.addEventListener('change', async (e) => {
    const radio = e.target.closest('[data-escalation]');
    if (!radio) { return; }
    try {
      await api('PATCH', urlOf(radio.closest('.group-card')), { escalationTarget: true });
      location.reload();
    } catch (err) { fail(err); location.reload(); }
  });
}());
