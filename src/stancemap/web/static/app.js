// Progressive enhancement: matrix cells open their evidence in the side panel.
// Without JavaScript every link still works as a plain page.
"use strict";
// On a document page, the statement named in the address (#s-ID) is highlighted.
function flashStatement() {
  document.querySelectorAll(".hl-s.flash").forEach((el) => el.classList.remove("flash"));
  const match = /^#s-([\w-]+)$/.exec(window.location.hash);
  if (!match) return;
  document.querySelectorAll(".hl-s").forEach((el) => {
    if ((el.dataset.statements || "").split(" ").includes(match[1])) el.classList.add("flash");
  });
}
window.addEventListener("hashchange", flashStatement);

document.addEventListener("DOMContentLoaded", () => {
  flashStatement();
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
