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
/* Admin → Channels: Test calls POST /api/channels/{kind}/test and shows what the provider answered in the row. */
(function () {
  'use strict';
  const { $, $$, api, fail } = window.Hub;
  $$('#channel-health [data-test]').forEach((button) => button.addEventListener('click', async () => {
    const kind = button.dataset.test;
    const answer = $('[data-answer="' + kind + '"]');
    button.disabled = true;
    answer.textContent = 'Testing…';
    answer.className = 'small test-answer';
    try {
      const result = await api('POST', '/api/channels/' + kind + '/test', {});
      answer.textContent = (result.ok ? '✓ ' : '✗ ') + result.answer;
      answer.classList.add(result.ok ? 'ok' : 'bad');
    } catch (err) { answer.textContent = ''; fail(err); } finally { button.disabled = false; }
  }));
}());
