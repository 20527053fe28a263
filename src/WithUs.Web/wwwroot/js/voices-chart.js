// Draws a bar chart above each voices table. The table stays: it is the accessible version and the chart's data.
const charts = document.querySelectorAll('[data-voices-chart-for]');
if (charts.length > 0 && window.Chart) {
  for (const container of charts) {
    const table = document.getElementById(container.dataset.voicesChartFor);
    if (!table) {
      continue;
    }

    const rows = [...table.querySelectorAll('tbody tr')];
    const labels = rows.map((row) => row.cells[0].textContent.trim());
    const values = rows.map((row) => Number.parseInt(row.cells[1].textContent.trim(), 10) || 0);
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Bar chart of voices over time. The same figures are in the table below.');
    container.append(canvas);
    container.classList.add('withus-chart--drawn');
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ label: 'Voices', data: values, backgroundColor: '#1d70b8' }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
}
