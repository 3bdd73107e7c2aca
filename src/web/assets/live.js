// The live view: the chair's state as the daemon pushes it (server-sent events), drawn.
"use strict";
const $ = (id) => document.getElementById(id);
const words = {
  upright: "Upright", slouching: "Slouching", leaning_left: "Leaning left", leaning_right: "Leaning right",
  leaning_forward: "Leaning forward", reclined: "Reclined", other: "Not your usual upright",
};

function minutes(s) {
  if (s === null || s === undefined) return "-";
  const m = Math.floor(s / 60), h = Math.floor(m / 60);
  return h > 0 ? `${h} h ${m % 60} min` : `${m} min`;
}
function percent(share) { return Math.round(share * 100) + " %"; }

function show(state) {
  document.body.dataset.posture = state.posture || "";
  $("posture").textContent = state.occupied ? (words[state.posture] || "Settling in...") : "Nobody is sitting";
  const cop = $("cop");
  if (state.cop) {
    cop.setAttribute("cx", (state.cop.x * 90).toFixed(1));
    cop.setAttribute("cy", (5 + state.cop.y * 85).toFixed(1));
    cop.setAttribute("visibility", "visible");
    $("seat-words").textContent = "The dot is where your weight is centred.";
  } else {
    cop.setAttribute("visibility", "hidden");
    $("seat-words").textContent = state.occupied ? "Measuring..." : "Nobody is sitting.";
  }
  $("sides").textContent = state.left_share === null ? "-" : `${percent(state.left_share)} / ${percent(1 - state.left_share)}`;
  $("depth").textContent = state.front_share === null ? "-" : `${percent(1 - state.front_share)} / ${percent(state.front_share)}`;
  $("lumbar").textContent = state.lumbar_contact === null ? "-" : state.lumbar_contact ? "supported" : "not against the backrest";
  $("backrest").setAttribute("fill", state.lumbar_contact ? "#80cbc4" : "#cfd8dc");
  $("feet").textContent = state.feet_flat === null ? "-" : state.feet_flat ? "flat on the floor" : "not flat";
  $("sitting").textContent = state.occupied ? minutes(state.sitting_s) : "-";
  $("next-break").textContent = state.break_due ? "now: time to stand up and move" : state.next_break_s === null ? "-" : "in " + minutes(state.next_break_s);
  $("faults").textContent = state.faults.length ? "Sensor trouble: " + state.faults.map((f) => `${f.channel} ${f.fault}`).join(", ") + " (see Set-up)" : "";
}

const source = new EventSource("/api/live");
source.onmessage = (e) => { show(JSON.parse(e.data)); $("connection").textContent = "Live"; document.body.dataset.live = "1"; };
source.onerror = () => { $("connection").textContent = "Connection lost; retrying..."; };
