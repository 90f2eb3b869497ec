// Progressive enhancement: matrix cells open their evidence in the side panel.
// Without JavaScript every link still works as a plain page.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("evidence");
  if (!panel) return;
  const wide = () => window.matchMedia("(min-width: 821px)").matches;
  document.querySelectorAll("a[data-evidence]").forEach((link) => {
    link.addEventListener("click", async (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      document.querySelectorAll("a.cell.active").forEach((a) => a.classList.remove("active"));
      link.classList.add("active");
      panel.setAttribute("aria-busy", "true");
      try {
        const url = new URL(link.href, window.location.href);
        url.searchParams.set("partial", "1");
        const response = await fetch(url, { headers: { Accept: "text/html" } });
        if (!response.ok) throw new Error(String(response.status));
        // server-rendered and escaped by the templates
        panel.innerHTML = await response.text();
        if (!wide()) panel.scrollIntoView({ behavior: "smooth", block: "start" });
      } catch (err) {
        window.location.href = link.href;
      } finally {
        panel.removeAttribute("aria-busy");
      }
    });
  });
});
