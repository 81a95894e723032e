/* Admin: the contact import. The file is sent as it is (text/csv, so no cross-site form can send one); each line's
   outcome is shown as the API answers it. */
(function () {
  'use strict';
  const { $, toast, fail } = window.Hub;
  const form = $('#import-form');
  if (!form) { return; }
  function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
  function show(report) {
    $('#import-summary').textContent = report.created + ' created, ' + report.updated + ' updated, ' + report.refused + ' refused';
    const body = $('#import-lines'); body.textContent = '';
    report.lines.forEach((line) => {
      const row = document.createElement('tr');
      row.className = 'outcome-' + line.outcome;
      cell(row, String(line.line));
      cell(row, line.outcome === 'updated' && line.changed === false ? 'updated (no change)' : line.outcome);
      const contact = cell(row, '');
      if (line.contactId) {
        const a = document.createElement('a'); a.href = '/contacts/' + line.contactId; a.textContent = '#' + line.contactId;
        contact.appendChild(a);
      }
      cell(row, line.reason || '');
      body.appendChild(row);
    });
    $('#import-results').hidden = false;
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = $('#import-file').files[0];
    if (!file) { return; }
    $('#import-submit').disabled = true;
    try {
      const response = await fetch('/api/import/contacts', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'text/csv', 'Accept': 'application/json' }, body: file });
      const data = await response.json().catch(() => null);
      if (!response.ok) { throw new Error((data && data.message) || ('Import failed (' + response.status + ')')); }
      show(data);
      toast('Import done: ' + data.created + ' created, ' + data.updated + ' updated, ' + data.refused + ' refused');
    } catch (err) { fail(err); } finally { $('#import-submit').disabled = false; }
  });
}());
