/* Admin: statuses, types and priorities renamed in place, coloured, and moved up or down. */
(function () {
  'use strict';
  const { $$, api, toast, fail } = window.Hub;
  const urlOf = (li) => li.closest('[data-catalog]').dataset.catalog + '/' + li.dataset.id;

  $$('.catalog-list li').forEach((li) => {
    const name = li.querySelector('[data-field=name]');
    name.dataset.saved = name.value;
    name.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); name.blur(); } });
    name.addEventListener('change', async () => {
      const value = name.value.trim();
      if (!value) { name.value = name.dataset.saved; toast('A name cannot be empty', 'error'); return; }
      try {
        const saved = await api('PATCH', urlOf(li), { name: value });
        name.value = saved.name; name.dataset.saved = saved.name;
        toast('Renamed to “' + saved.name + '”');
      } catch (err) { name.value = name.dataset.saved; fail(err); }
    });
    const color = li.querySelector('[data-field=color]');
    color.dataset.saved = color.value;
    color.addEventListener('change', async () => {
      try {
        const saved = await api('PATCH', urlOf(li), { color: color.value });
        color.dataset.saved = saved.color;
        toast('Colour saved');
      } catch (err) { color.value = color.dataset.saved; fail(err); }
    });
  });

  $$('.catalog-list [data-flag]').forEach((box) => {
    box.addEventListener('change', async () => {
      const li = box.closest('li');
      try {
        await api('PATCH', urlOf(li), { [box.dataset.flag]: box.checked });
        toast('Saved');
      } catch (err) { box.checked = !box.checked; fail(err); }
    });
  });

  document.addEventListener('click', async (e) => {
    const move = e.target.closest('[data-catalog-move]');
    if (!move) { return; }
    const li = move.closest('li');
    const list = li.parentElement;
    const other = move.dataset.catalogMove === 'up' ? li.previousElementSibling : li.nextElementSibling;
    if (!other) { return; }
    if (move.dataset.catalogMove === 'up') { list.insertBefore(li, other); } else { list.insertBefore(other, li); }
    move.focus();
    try {
      // The server moves the row to its new place and renumbers the others around it.
      await api('PATCH', urlOf(li), { position: $$('li[data-id]', list).indexOf(li) + 1 });
      toast('Order saved');
    } catch (err) { fail(err); }
  });
}());
