/* Profile: change one's password and time zone, make API tokens (shown once). Ending sessions and revoking tokens use the generic
   [data-api] buttons of app.js. */
(function () {
  'use strict';
  const { $, api, toast, fail } = window.Hub;
  const passwordForm = $('#password-form');
  if (!passwordForm) { return; }
  passwordForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const current = passwordForm.elements.current.value;
    const replacement = passwordForm.elements.new.value;
    if (replacement !== passwordForm.elements.repeat.value) { toast('The new passwords differ', 'error'); return; }
    try {
      await api('PUT', '/api/me/password', { current, new: replacement });
      passwordForm.reset();
      toast('Password changed; your other sessions were ended');
      if ($('#must-change')) { location.href = '/'; } else { setTimeout(() => location.reload(), 800); }
    } catch (err) { fail(err); }
  });
  const zoneForm = $('#zone-form');
  if (zoneForm) {
    zoneForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const zone = zoneForm.elements.timeZone.value;
      try {
        const saved = await api('PUT', '/api/me/preferences', { timeZone: zone || null });
        toast('Times are now shown in ' + saved.effectiveTimeZone);
        setTimeout(() => location.reload(), 800);
      } catch (err) { fail(err); }
    });
  }
  const tokenForm = $('#token-form');
  if (tokenForm) {
    tokenForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { name: tokenForm.elements.name.value.trim() };
      if (tokenForm.elements.expires.value) { body.expiresAt = tokenForm.elements.expires.value + 'T00:00:00Z'; }
      try {
        const made = await api('POST', '/api/me/tokens', body);
        $('#token-value').textContent = made.token;
        $('#token-dialog').showModal();
      } catch (err) { fail(err); }
    });
    $('#token-dialog').addEventListener('close', () => location.reload());
  }
}());
