/* Admin → Channels: the API channel's callback URL and secret, saved with PUT /api/channels/api; refusals shown as
   the server words them. */
(function () {
  'use strict';
  const { $, api, toast, fail } = window.Hub;
  const form = $('#api-channel-form');
  if (!form) { return; }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = $('#callback-url').value.trim();
    const body = { callbackUrl: url || null };
    const secret = $('#callback-secret').value;
    if (secret) { body.secret = secret; }
    try {
      const saved = await api('PUT', '/api/channels/api', body);
      $('#callback-secret').value = '';
      $('#secret-state').textContent = saved.secretSet ? 'a secret is set; leave empty to keep it' : 'no secret set yet; at least 16 characters';
      $('#api-channel-state').textContent = saved.configured ? 'Replies are posted to ' + saved.callbackUrl + '.'
        : 'Not set up: agents cannot answer customers of the API channel.';
      toast('API channel saved');
    } catch (err) { fail(err); }
  });
}());
