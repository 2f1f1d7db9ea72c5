// A few minutes before an idle session ends, the page says so and offers to keep it alive; without
// JavaScript nothing is lost either: a form posted after the end comes back after logging in.
(function () {
  var body = document.body;
  var seconds = parseInt(body.getAttribute('data-session-seconds'), 10);
  var warning = document.getElementById('session-warning');
  if (!(seconds > 0) || !warning) {
    return;
  }
  var warnBefore = Math.min(300, Math.floor(seconds / 2));
  var timer;
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      warning.hidden = false;
      var button = warning.querySelector('button');
      if (button) {
        button.focus();
      }
    }, (seconds - warnBefore) * 1000);
  }
  warning.querySelector('form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    window.fetch(form.action, {method: 'POST', body: new FormData(form), credentials: 'same-origin'})
      .then(function (response) {
        if (response.ok && !response.redirected) {
          warning.hidden = true;
          schedule();
        } else {
          window.location.reload();
        }
      });
  });
  schedule();
})();
