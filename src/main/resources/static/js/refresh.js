// Pages that follow work in progress (a bulk issue, an import, the projected check-in code) reload
// themselves every data-refresh seconds; without JavaScript their "Actualizar" link does it.
(function () {
  var el = document.querySelector('[data-refresh]');
  if (!el) {
    return;
  }
  var seconds = parseInt(el.getAttribute('data-refresh'), 10);
  if (seconds > 0) {
    window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }
})();
