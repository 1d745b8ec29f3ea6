// People page: the directory; for administrators, adding people and enrolling voiceprints
// from an uploaded clip or one recorded here (MediaRecorder).
"use strict";

const table = document.getElementById("people");
const isAdmin = table.dataset.admin === "true";
let selected = null;

async function load() {
  const people = await api("GET", "/api/people");
  const body = table.querySelector("tbody");
  body.replaceChildren();
  for (const p of people) {
    const tr = document.createElement("tr");
    for (const value of [p.name, p.aliases.join("、"), p.role || "", p.team || "", String(p.voiceprints)]) {
      const td = document.createElement("td");
      td.textContent = value;
      tr.append(td);
    }
    const actions = document.createElement("td");
    if (isAdmin) {
      const enrol = button("聲紋", () => select(p));
      const remove = button("刪除", async () => {
        if (!confirm(`確定刪除 ${p.name} 及其所有聲紋？`)) return;
        await api("DELETE", `/api/people/${p.id}`).catch((err) => toast(err.message, true));
        if (selected && selected.id === p.id) document.getElementById("enrol").hidden = true;
        load();
      });
      actions.append(enrol, remove);
    }
    tr.append(actions);
    body.append(tr);
  }
}

function button(label, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

async function select(person) {
  selected = person;
  document.getElementById("enrol").hidden = false;
  document.getElementById("enrol-name").textContent = person.name;
  const list = document.getElementById("voiceprints");
  list.replaceChildren();
  for (const v of await api("GET", `/api/people/${person.id}/voiceprints`)) {
    const li = document.createElement("li");
    li.textContent = `${v.source} ${v.source_ref || ""} · ${v.speech_s.toFixed(1)} s · ${v.model} · 同意：${v.consent_by} ${v.consent_at.slice(0, 10)} `;
    li.append(button("刪除", async () => {
      await api("DELETE", `/api/people/${person.id}/voiceprints/${v.id}`).catch((err) => toast(err.message, true));
      select(person);
      load();
    }));
    list.append(li);
  }
}

async function enrol(blob, filename) {
  if (!document.getElementById("enrol-consent").checked) { toast("須先取得本人同意", true); return; }
  const form = new FormData();
  form.append("file", blob, filename);
  form.append("consent", "true");
  toast("分析中…");
  const response = await fetch(`/api/people/${selected.id}/voiceprints`,
    { method: "POST", body: form, headers: { "X-CSRF-Token": csrfToken() } });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { toast(data.detail || response.statusText, true); return; }
  toast(`已登記聲紋（${data.speech_s.toFixed(1)} 秒語音）`);
  select(selected);
  load();
}

if (isAdmin) {
  document.getElementById("person-add").addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const aliases = (f.get("aliases") || "").split(/[,，、]/).map((a) => a.trim()).filter(Boolean);
    try {
      await api("POST", "/api/people", { name: f.get("name"), aliases, role: f.get("role") || null, team: f.get("team") || null });
      e.target.reset();
      load();
    } catch (err) { toast(err.message, true); }
  });
  document.getElementById("enrol-upload").addEventListener("click", () => {
    const file = document.getElementById("enrol-file").files[0];
    if (file) enrol(file, file.name); else toast("請選擇錄音檔", true);
  });
  let recorder = null;
  document.getElementById("enrol-record").addEventListener("click", async (e) => {
    if (recorder) { recorder.stop(); return; }
    let stream;
    try { stream = await navigator.mediaDevices.getUserMedia({ audio: true }); } catch (err) { toast(`無法使用咪高峰：${err.message}`, true); return; }
    const chunks = [];
    recorder = new MediaRecorder(stream);
    const started = Date.now();
    const timer = setInterval(() => {
      const s = (Date.now() - started) / 1000;
      document.getElementById("enrol-timer").textContent = `${s.toFixed(0)} 秒（建議 10–30 秒）`;
      if (s >= 30) recorder.stop();
    }, 250);
    recorder.ondataavailable = (ev) => chunks.push(ev.data);
    recorder.onstop = () => {
      clearInterval(timer);
      stream.getTracks().forEach((t) => t.stop());
      e.target.textContent = "錄音 Record";
      const blob = new Blob(chunks, { type: recorder.mimeType });
      recorder = null;
      enrol(blob, blob.type.includes("ogg") ? "recording.ogg" : "recording.webm");
    };
    recorder.start();
    e.target.textContent = "停止 Stop";
  });
}

load().catch((err) => toast(err.message, true));
