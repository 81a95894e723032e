// The staff page: photos with an initials fallback, photo upload, and disabling with the open-tickets dialog.
(function () {
  'use strict';

  document.querySelectorAll('[data-photo]').forEach(function (span) {
    var img = new Image();
    img.alt = '';
    img.onload = function () { span.textContent = ''; span.appendChild(img); };
    img.onerror = function () { span.textContent = span.dataset.initials; };
    img.src = span.dataset.photo + '?v=' + Date.now();
  });

  document.querySelectorAll('[data-photo-upload]').forEach(function (input) {
    input.addEventListener('change', function () {
      var file = input.files[0];
      if (!file) { return; }
      fetch(input.dataset.photoUpload, { method: 'PUT', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file })
        .then(function (r) {
          if (r.ok) { location.reload(); return; }
          return r.json().then(function (e) { alert(e.message || 'the photo was refused'); });
        });
    });
  });

  var dialog = document.getElementById('disable-dialog');
  var pending = null;

  function disable(id, reassign) {
    var body = { active: false };
    if (reassign) { body.reassign = reassign; }
    return fetch('/api/agents/' + id, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (json) { return { status: r.status, json: json }; }); });
  }

  function loadGroups() {
    var select = document.getElementById('handover-group');
    return fetch('/api/groups').then(function (r) { return r.ok ? r.json() : []; }).then(function (groups) {
      select.textContent = '';
      (Array.isArray(groups) ? groups : groups.items || []).filter(function (g) { return !g.hidden; }).forEach(function (g) {
        var option = document.createElement('option');
        option.value = g.id;
        option.textContent = g.name;
        select.appendChild(option);
      });
    });
  }

  document.querySelectorAll('[data-disable]').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.dataset.disable;
      disable(id, null).then(function (res) {
        if (res.status === 200) { location.reload(); return; }
        if (res.status === 409 && res.json.error === 'has_open_tickets') {
          pending = id;
          document.getElementById('disable-name').textContent = button.dataset.name;
          document.getElementById('disable-count').textContent = res.json.count;
          document.getElementById('disable-error').textContent = '';
          var own = document.querySelector('#handover-agent option[value="' + id + '"]');
          if (own) { own.remove(); }
          loadGroups().then(function () { dialog.showModal(); });
          return;
        }
        alert(res.json.message || 'not disabled');
      });
    });
  });

  document.getElementById('disable-confirm').addEventListener('click', function () {
    var choice = dialog.querySelector('input[name=handover]:checked').value;
    var to = choice === 'agent' ? { agentId: Number(document.getElementById('handover-agent').value) }
      : choice === 'group' ? { groupId: Number(document.getElementById('handover-group').value) }
      : { queue: true };
    disable(pending, { to: to }).then(function (res) {
      if (res.status === 200) { location.reload(); return; }
      document.getElementById('disable-error').textContent = res.json.message || 'not disabled';
    });
  });
})();
