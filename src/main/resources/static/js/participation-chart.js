// Draws the attendance-per-encounter chart from the table on the page, which stays as the accessible version.
(function () {
  var table = document.getElementById('attendance-table');
  var canvas = document.getElementById('participation-chart');
  if (!table || !canvas || !window.Chart) {
    return;
  }
  var labels = Array.prototype.map.call(table.querySelectorAll('thead th[data-session]'), function (th) {
    return th.textContent.trim();
  });
  var datasets = Array.prototype.map.call(table.querySelectorAll('tbody tr[data-institution]'), function (tr) {
    return {
      label: tr.getAttribute('data-institution'),
      data: Array.prototype.map.call(tr.querySelectorAll('td[data-rate]'), function (td) {
        // "none": an encounter without attendance taken (an empty attribute would be dropped, shifting the bars)
        var v = td.getAttribute('data-rate');
        return v === 'none' || v === '' ? null : Number(v);
      })
    };
  });
  canvas.hidden = false;
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: labels, datasets: datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } },
      plugins: { legend: { position: 'bottom' } }
    }
  });
})();
