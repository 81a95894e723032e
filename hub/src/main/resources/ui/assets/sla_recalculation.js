/* Admin: how the recalculation of open tickets' planned times is going, polled while one runs. */
(function () {
  'use strict';
  const { $, api, toast, fail } = window.Hub;
  const box = $('#sla-recalculation');
  if (!box) { return; }
  const status = $('#sla-recalculation-status');
  const bar = $('#sla-recalculation-progress');
  const number = (n) => Number(n || 0).toLocaleString('en');
  const time = (iso) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  let timer = null;

  function draw(run) {
    const active = run.state === 'pending' || run.state === 'running';
    bar.hidden = !active || !run.total;
    if (run.total) { bar.max = run.total; bar.value = Math.min(run.done, run.total); }
    const failed = run.failed ? ', ' + number(run.failed) + ' could not be computed (see the log)' : '';
    if (run.state === 'none') {
      status.textContent = 'No recalculation has run yet.';
    } else if (run.state === 'pending') {
      status.textContent = 'Recalculation asked for (' + run.reason + '), starting…';
    } else if (run.state === 'running') {
      status.textContent = 'Recalculating (' + run.reason + '): ' + number(run.done) + ' of ' + number(run.total)
        + ' open tickets' + failed + '.';
    } else {
      status.textContent = 'Last recalculation (' + run.reason + ') ' + (run.state === 'done' ? 'finished ' : 'was superseded ')
        + time(run.finishedAt) + ': ' + number(run.done) + ' open tickets recomputed' + failed + '.';
    }
    clearTimeout(timer);
    if (active) { timer = setTimeout(load, 2000); }
  }

  async function load() {
    try { draw(await api('GET', '/api/sla/recalculations/latest')); } catch (e) { fail(e); }
  }

  $('#sla-recalculate').addEventListener('click', async () => {
    try { draw(await api('POST', '/api/sla/recalculations', {})); toast('Recalculation asked for'); } catch (e) { fail(e); }
  });
  window.addEventListener('hub:sla-recalculation', load);
  load();
})();
