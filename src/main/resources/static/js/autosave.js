// The long texts of a form (an exercise answer, a grade's feedback) are saved on the server as a draft every
// 20 seconds while they change and whenever the field loses focus; the page says when. Without JavaScript the
// form works as before (and a form sent after the session ended is kept by the server anyway).
(function () {
  var EVERY = 20000;
  document.querySelectorAll('form[data-autosave-page]').forEach(function (form) {
    var fields = Array.prototype.slice.call(form.querySelectorAll('[data-autosave]'));
    var status = form.querySelector('[data-autosave-status]');
    var token = form.querySelector('input[name="_csrf"]');
    if (!fields.length || !status) {
      return;
    }
    var saved = {};
    fields.forEach(function (f) { saved[f.name] = f.value; });
    var busy = false;
    function save() {
      var changed = fields.some(function (f) { return f.value !== saved[f.name]; });
      if (!changed || busy) {
        return;
      }
      var sent = {};
      var body = new URLSearchParams();
      body.append('page', form.getAttribute('data-autosave-page'));
      if (token) {
        body.append('_csrf', token.value);
      }
      fields.forEach(function (f) { sent[f.name] = f.value; body.append(f.name, f.value); });
      busy = true;
      window.fetch(form.getAttribute('data-autosave-url'), {
        method: 'POST', body: body, credentials: 'same-origin', headers: {'Accept': 'application/json'}
      }).then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('not saved');
        }
        return response.json();
      }).then(function (json) {
        saved = sent;
        status.textContent = status.getAttribute('data-saved').replace('{0}', json.savedAt);
      }).catch(function () {
        status.textContent = status.getAttribute('data-failed');
      }).then(function () { busy = false; });
    }
    // a blur caused by pressing the form's own button is not saved: the form itself is being sent
    var sending = false;
    var pending;
    form.addEventListener('submit', function () {
      sending = true;
      window.clearTimeout(pending);
    });
    fields.forEach(function (f) {
      f.addEventListener('blur', function () {
        window.clearTimeout(pending);
        pending = window.setTimeout(function () {
          if (!sending) {
            save();
          }
        }, 300);
      });
    });
    window.setInterval(function () {
      if (!sending) {
        save();
      }
    }, EVERY);
  });
})();
