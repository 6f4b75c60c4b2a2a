// Draws a project's activities and milestones on a Gantt chart (frappe-gantt, vendored).
// The rows come from the page's json_script "gantt-tasks"; the table below the chart holds
// the same facts for readers without scripts or sight, so the chart is read-only.
(() => {
  "use strict";

  const DAY = 24 * 60 * 60 * 1000;

  // frappe-gantt writes a task's name into its SVG as HTML: the titles are escaped first.
  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  function viewModeFor(tasks) {
    const starts = tasks.map((task) => Date.parse(task.start));
    const ends = tasks.map((task) => Date.parse(task.end));
    const days = (Math.max(...ends) - Math.min(...starts)) / DAY;
    if (days > 200) return "Month";
    if (days > 45) return "Week";
    return "Day";
  }

  function draw() {
    const data = document.getElementById("gantt-tasks");
    const container = document.getElementById("project-gantt");
    if (!data || !container || typeof window.Gantt !== "function") return;
    const tasks = JSON.parse(data.textContent).map((task) => ({
      ...task,
      name: escapeHtml(task.name),
    }));
    if (!tasks.length) return;
    new window.Gantt(container, tasks, {
      readonly: true,
      view_mode: viewModeFor(tasks),
      view_mode_select: false,
      today_button: false,
      popup_on: "hover",
      language: document.documentElement.lang || "lt",
      scroll_to: "start",
      bar_height: 24,
      padding: 14,
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
