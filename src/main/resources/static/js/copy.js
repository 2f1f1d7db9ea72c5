// "Copiar el enlace" buttons (hidden without JavaScript, where the link stays selectable): copy the text of
// the element named by data-copy and say so in the nearest data-copy-status.
(function () {
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var status = button.parentNode.querySelector('[data-copy-status]');
        if (status) {
          status.textContent = button.getAttribute('data-copied');
        }
      });
    });
  });
})();
