// The set-up page: the wiring check refreshed every two seconds, the tare, and the two guided
// calibrations, each step as the daemon describes it. Every change carries the session's token.
"use strict";
const csrf = document.querySelector('meta[name="csrf"]').content;
const canChange = document.body.dataset.canChange === "1";

async function call(method, path, body) {
  const response = await fetch(path, {
    method, headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({ ok: false, message: `the chair answered ${response.status}` }));
  if (!response.ok && data.ok === undefined) data.ok = false;
  return data;
}

function message(element, outcome) {
  element.classList.add("message");
  element.classList.toggle("bad", !outcome.ok);
  element.textContent = outcome.message;
}

async function refreshWiring() {
  const w = await call("GET", "/api/wiring");
  document.getElementById("wiring-source").textContent = w.source || "";
  document.getElementById("wiring-waiting").textContent = w.waiting || "";
  const body = document.querySelector("#wiring tbody");
  body.replaceChildren(...(w.channels || []).map((c) => {
    const row = document.createElement("tr");
    row.dataset.ok = c.ok ? "1" : "0";
    for (const [text, cls] of [[c.channel, ""], [c.role, "muted"], [c.raw === null ? "-" : String(c.raw), ""],
                               [c.verdict, c.ok ? "ok" : "bad"]]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      if (cls) cell.className = cls;
      row.append(cell);
    }
    return row;
  }));
}

function showGuide(card, g) {
  card.querySelector(".start").hidden = g.running;
  card.querySelector(".steps").hidden = !g.running;
  card.dataset.running = g.running ? "1" : "0";
  card.dataset.step = g.step;
  if (g.running) {
    card.querySelector(".step").textContent = g.step;
    card.querySelector(".steps-count").textContent = g.steps;
    card.querySelector(".title").textContent = g.title;
    card.querySelector(".instruction").textContent = g.instruction;
    card.querySelector(".bar > div").style.width = Math.round(g.progress * 100) + "%";
    card.querySelector(".seen").textContent = g.seen;
    card.querySelector(".ready").disabled = g.measuring || !canChange;
  }
  const result = card.querySelector(".result");
  if (g.finished) {
    message(result, g.finished);
  } else if (g.running) {
    result.replaceChildren();
    result.classList.remove("message", "bad");
  }
  card.dataset.finished = g.finished ? (g.finished.ok ? "ok" : "failed") : "";
}

async function refreshGuide(card) {
  showGuide(card, await call("GET", `/api/guide/${card.dataset.guide}`));
}

for (const card of document.querySelectorAll("[data-guide]")) {
  const name = card.dataset.guide, result = card.querySelector(".result");
  const act = async (what, body) => {
    const outcome = await call("POST", `/api/guide/${name}/${what}`, body);
    if (!outcome.ok) message(result, outcome);
    await refreshGuide(card);
  };
  card.querySelector(".begin").onclick = () => act("start", name === "chair" ? { kg: Number(document.getElementById("kg").value) } : {});
  card.querySelector(".ready").onclick = () => act("ready");
  card.querySelector(".cancel").onclick = () => act("cancel");
}

document.getElementById("tare").onclick = async () => {
  message(document.getElementById("tare-result"), await call("POST", "/api/tare", {}));
};

if (!canChange) {
  const locked = document.getElementById("locked");
  locked.hidden = false;
  locked.textContent = document.body.dataset.lockedWhy;
  for (const b of document.querySelectorAll(".changes")) b.disabled = true;
}

async function tick() {
  try {
    await refreshWiring();
    for (const card of document.querySelectorAll("[data-guide]")) await refreshGuide(card);
  } catch (e) { /* the daemon restarting: the next tick tries again */ }
}
tick();
setInterval(tick, 1000);
