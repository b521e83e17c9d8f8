// Draws the dashboard's two charts from the JSON the server embedded. The tables beside them
// hold the same data, for screen readers and for when scripts are off.
const data = JSON.parse(document.getElementById("dashboard-data")?.textContent ?? "null");
const colors = {
  low: "#2e7d32",
  medium: "#b58900",
  high: "#d9480f",
  critical: "#c92a2a",
  untriaged: "#868e96",
};

if (data && window.Chart) {
  const { Chart } = window;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  new Chart(document.getElementById("pickup-chart"), {
    type: "line",
    data: {
      labels: data.pickupWeeks.map((week) => week.weekStart),
      datasets: data.levels.map((level) => ({
        label: level,
        data: data.pickupWeeks.map((week) => week.p50Hours[level]),
        borderColor: colors[level],
        backgroundColor: colors[level],
        spanGaps: true,
      })),
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: "hours" } } } },
  });
  new Chart(document.getElementById("mix-chart"), {
    type: "bar",
    data: {
      labels: data.levels,
      datasets: [
        {
          label: "PRs",
          data: data.levels.map((level) => data.riskMix[level]),
          backgroundColor: data.levels.map((level) => colors[level]),
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}
