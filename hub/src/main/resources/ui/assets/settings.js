/* Admin: the run-time settings, saved in one PATCH; the server's refusals are shown as they come. */
(function () {
  'use strict';
  const { $, api, toast, fail } = window.Hub;
  const slaForm = $('#sla-settings-form');
  if (slaForm) {
    slaForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const saved = await api('PUT', '/api/sla/settings', { warnBeforeMinutes: Number($('#warn-before-minutes').value) });
        $('#warn-before-minutes').value = saved.warnBeforeMinutes;
        toast('SLA warnings saved');
      } catch (err) { fail(err); }
    });
  }
  const form = $('#settings-form');
  if (!form) { return; }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const group = $('#default-group').value;
    try {
      const saved = await api('PATCH', '/api/settings', {
        defaultGroupId: group ? Number(group) : null,
        seniorsSeeReports: $('#seniors-see-reports').checked,
        createContactsForUnknownSenders: $('#create-contacts-for-unknown-senders').checked,
        timeZone: $('#time-zone').value.trim(),
      });
      $('#time-zone').value = saved.timeZone;
      toast('Settings saved');
    } catch (err) { fail(err); }
  });
}());
