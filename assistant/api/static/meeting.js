// Meeting page: progress while processing; then player synced with the transcript, and inline editing.
"use strict";

const data = JSON.parse(document.getElementById("meeting-data").textContent);
const base = `/api/meetings/${data.id}`;

setUpAttendees();
if (data.status !== "done") {
  watchJob();
} else {
  setUpPlayer();
  setUpSpeakers();
  setUpTurns();
  setUpTodo();
  setUpDingTalk();
  document.getElementById("delete-meeting").addEventListener("click", async () => {
    if (!confirm("確定刪除這個會議及其錄音？")) return;
    await api("DELETE", base);
    window.location.href = "/";
  });
}

function watchJob() {
  showJob(data.job);
  document.getElementById("cancel-job").addEventListener("click", async () => {
    try { await api("POST", `/api/jobs/${data.job.id}/cancellation`); } catch (err) { toast(err.message, true); }
  });
  document.getElementById("retry-job").addEventListener("click", async () => {
    try { await api("POST", `${base}/jobs`); window.location.reload(); } catch (err) { toast(err.message, true); }
  });
  if (!["queued", "processing"].includes(data.status)) return;
  pollMeeting(data.id, (meeting) => {
    showJob(meeting.job);
    document.getElementById("status-label").textContent = STATE_LABELS[meeting.job.state] || meeting.status;
  }).then(() => window.location.reload()).catch((err) => toast(err.message, true));
}

// --- player and transcript -------------------------------------------------

function setUpPlayer() {
  const player = document.getElementById("player");
  const turns = [...document.querySelectorAll(".turn")];
  let current = null;
  player.addEventListener("timeupdate", () => {
    const t = player.currentTime;
    const turn = turns.find((el) => t >= +el.dataset.start && t < +el.dataset.end) || null;
    if (turn === current) return;
    if (current) current.classList.remove("current");
    current = turn;
    if (turn) {
      turn.classList.add("current");
      if (!player.paused) turn.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  });
  document.addEventListener("click", (e) => {
    const target = e.target.closest(".seek, .w, .evidence");
    if (!target || target.closest("[contenteditable=true]")) return;
    e.preventDefault();
    let start = target.dataset.start;
    if (target.classList.contains("evidence")) {
      const turn = document.getElementById(`turn-${target.dataset.turn}`);
      start = turn.dataset.start;
      turn.scrollIntoView({ block: "center" });
    }
    seek(+start);
  });
  document.addEventListener("keydown", (e) => {
    if (e.target.closest("input, select, textarea, button, [contenteditable=true]")) return;
    if (e.code === "Space") { e.preventDefault(); player.paused ? player.play() : player.pause(); }
    else if (e.key === "ArrowLeft") { e.preventDefault(); seek(Math.max(0, player.currentTime - 5)); }
    else if (e.key === "ArrowRight") { e.preventDefault(); seek(player.currentTime + 5); }
  });

  function seek(seconds) {
    player.currentTime = seconds;
    if (player.paused) player.play().catch(() => {});
  }
}

function setUpSpeakers() {
  document.querySelectorAll(".speaker-name").forEach((input) => {
    input.addEventListener("change", async () => {
      const li = input.closest(".speaker");
      const id = li.dataset.speaker;
      try {
        const speaker = await api("PATCH", `${base}/speakers/${encodeURIComponent(id)}`,
          { name: input.value, version: +li.dataset.version });
        li.dataset.version = speaker.version;
        const name = speaker.name || speaker.id;
        document.querySelectorAll(`.who[data-speaker="${CSS.escape(id)}"]`).forEach((el) => { el.textContent = name; });
        document.querySelectorAll(`.turn-speaker option[value="${CSS.escape(id)}"]`).forEach((el) => { el.textContent = name; });
        toast(`已改名為「${name}」`);
      } catch (err) { toast(err.message, true); }
    });
  });
}

async function refreshTalkTimes() {
  const meeting = await api("GET", base);
  for (const s of meeting.speakers) {
    const li = document.querySelector(`.speaker[data-speaker="${CSS.escape(s.id)}"]`);
    if (!li) continue;
    const m = Math.floor(s.talk_time / 60), sec = Math.floor(s.talk_time % 60);
    li.querySelector(".talk-time").textContent = `${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
  }
}

function setUpTurns() {
  const colors = Object.fromEntries(data.speakers.map((s) => [s.id, s.color]));
  document.querySelectorAll(".turn").forEach((li) => {
    const index = li.dataset.index;
    li.querySelector(".turn-speaker").addEventListener("change", async (e) => {
      try {
        const turn = await api("PATCH", `${base}/turns/${index}`, { speaker: e.target.value, version: +li.dataset.version });
        li.dataset.version = turn.version;
        li.dataset.speaker = turn.speaker;
        li.style.setProperty("--speaker", colors[turn.speaker]);
        const who = li.querySelector(".who");
        who.dataset.speaker = turn.speaker;
        who.textContent = e.target.selectedOptions[0].textContent;
        toast("已更改講者");
        refreshTalkTimes();
      } catch (err) { toast(err.message, true); e.target.value = li.dataset.speaker; }
    });
    const text = li.querySelector(".text");
    li.querySelector(".edit-turn").addEventListener("click", () => {
      text.textContent = li.dataset.text;
      text.contentEditable = "true";
      text.focus();
    });
    text.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); text.blur(); }
      if (e.key === "Escape") { text.textContent = li.dataset.text; text.blur(); }
    });
    text.addEventListener("blur", async () => {
      if (text.contentEditable !== "true") return;
      text.contentEditable = "false";
      const value = text.textContent.trim();
      if (value === li.dataset.text) return;
      try {
        const turn = await api("PATCH", `${base}/turns/${index}`, { text: value, version: +li.dataset.version });
        li.dataset.version = turn.version;
        li.dataset.text = turn.text;
        text.textContent = turn.text;
        toast("已儲存");
      } catch (err) { toast(err.message, true); text.textContent = li.dataset.text; }
    });
  });
}

// --- to-do table ------------------------------------------------------------

function setUpTodo() {
  const section = document.getElementById("todo-section");
  const tbody = document.querySelector("#todo tbody");
  tbody.querySelectorAll(".todo-row").forEach(bindRow);

  document.getElementById("todo-add").addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = e.target;
    const body = { owner: f.owner.value, task: f.task.value, priority: f.priority.value };
    if (f.deadline.value) body.deadline = f.deadline.value;
    // The turn playing now is the evidence: add the to-do while listening to it.
    const current = document.querySelector(".turn.current");
    if (current) body.turn = +current.dataset.index;
    try {
      const item = await api("POST", `${base}/action-items`, body);
      const row = document.getElementById("todo-template").content.firstElementChild.cloneNode(true);
      row.dataset.id = item.id;
      row.dataset.version = item.version;
      row.querySelector("[name=owner]").value = item.owner || "";
      row.querySelector("[name=task]").value = item.task;
      row.querySelector("[name=deadline]").value = (item.deadline || "").slice(0, 10);
      row.querySelector("[name=deadline_time]").value = (item.deadline || "").slice(11, 16);
      row.querySelector(".deadline-text").textContent = item.deadline ? item.deadline_text : "";
      row.querySelector("[name=priority]").value = item.priority;
      if (item.turn !== null) {
        const turn = document.getElementById(`turn-${item.turn}`);
        row.cells[4].innerHTML = `<a href="#turn-${item.turn}" class="evidence" data-turn="${item.turn}"></a>`;
        row.cells[4].firstChild.textContent = turn.querySelector(".seek").textContent;
      }
      tbody.appendChild(row);
      bindRow(row);
      f.reset();
      toast("已新增");
    } catch (err) { toast(err.message, true); }
  });

  document.getElementById("approve").addEventListener("click", () => setApproval(true));
  document.getElementById("reopen").addEventListener("click", () => setApproval(false));
  showApproval(section.dataset.approved === "true", data.approved_at);

  async function setApproval(approved) {
    try {
      const result = await api(approved ? "PUT" : "DELETE", `${base}/approval`);
      showApproval(result.approved, result.approved_at);
      toast(approved ? "已批准，跟進事項已鎖定" : "已重新開放編輯");
    } catch (err) { toast(err.message, true); }
  }

  function showApproval(approved, at) {
    section.dataset.approved = approved;
    section.querySelectorAll("#todo input, #todo select, .delete-todo, #todo-add input, #todo-add select, #todo-add button")
      .forEach((el) => { el.disabled = approved; });
    document.getElementById("approve").hidden = approved;
    document.getElementById("reopen").hidden = !approved;
    document.getElementById("approved-note").textContent =
      approved ? `已批准 Approved ${new Date(at).toLocaleString("zh-HK")}，可推送到釘釘。` : "";
  }
}

// A deadline is a date, or a date-time in the meeting's time zone when a time is filled in.
function deadlineOf(row) {
  const day = row.querySelector("[name=deadline]").value;
  const time = row.querySelector("[name=deadline_time]").value;
  if (!day) return null;
  return time ? `${day}T${time}:00${data.utc_offset}` : day;
}

function bindRow(row) {
  // One edit at a time per row: each carries the version the one before it returned, so two quick
  // changes (a time typed, then the field left) do not collide as 409s.
  let queue = Promise.resolve();
  function patch(body) {
    const next = queue.then(() => send(body));
    queue = next.catch(() => {});
    return next;
  }
  async function send(body) {
    const item = await api("PATCH", `${base}/action-items/${row.dataset.id}`, { ...body, version: +row.dataset.version });
    row.dataset.version = item.version;
    row.querySelector(".deadline-text").textContent = item.deadline ? item.deadline_text : "";
    if (!item.needs_review) {
      row.classList.remove("needs-review");
      row.querySelectorAll(".review-flag, .mark-reviewed").forEach((el) => el.remove());
    }
    return item;
  }
  row.querySelectorAll("input, select").forEach((field) => {
    field.addEventListener("change", async () => {
      let body = { [field.name]: field.value || null };
      if (field.name === "deadline" || field.name === "deadline_time") body = { deadline: deadlineOf(row) };
      // Choosing an unresolved owner from the attendees is the review of that row.
      if (field.classList.contains("owner-pick")) {
        if (!field.value) return;
        body.needs_review = false;
      }
      try {
        await patch(body);
        toast("已儲存");
      } catch (err) { toast(err.message, true); }
    });
  });
  const reviewed = row.querySelector(".mark-reviewed");
  if (reviewed) reviewed.addEventListener("click", async () => {
    try { await patch({ needs_review: false }); toast("已核對"); } catch (err) { toast(err.message, true); }
  });
  row.querySelector(".delete-todo").addEventListener("click", async () => {
    try {
      await api("DELETE", `${base}/action-items/${row.dataset.id}?version=${row.dataset.version}`);
      row.remove();
      toast("已刪除");
    } catch (err) { toast(err.message, true); }
  });
}

// --- attendees ----------------------------------------------------------------

const ZONE = /^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/;

function setUpAttendees() {
  const card = document.getElementById("attendees-card");
  if (!card) return;
  document.querySelectorAll(".choose-event").forEach((button) => {
    button.addEventListener("click", async () => {
      const version = +document.getElementById("event-card").dataset.version;
      try {
        await api("PUT", `${base}/event`, { event_id: button.dataset.event, version });
        toast("已連結日曆項目；重新處理後用新與會者");
        window.location.reload();
      } catch (err) { toast(err.message, true); }
    });
  });
  document.getElementById("save-attendees").addEventListener("click", async () => {
    const attendees = document.getElementById("attendees-text").value.split("\n")
      .map((line) => line.split("|").map((f) => f.trim()).filter(Boolean))
      .filter((fields) => fields.length)
      .map(([name, ...rest]) => ({
        name,
        aliases: rest.filter((f) => !ZONE.test(f)),
        timezone: rest.find((f) => ZONE.test(f)) || null,
      }));
    try {
      const result = await api("PUT", `${base}/attendees`, { attendees, version: +card.dataset.version });
      card.dataset.version = result.version;
      toast("已儲存與會者；重新處理後生效");
      window.location.reload();
    } catch (err) { toast(err.message, true); }
  });
}

// --- DingTalk: approve and send, choose ambiguous owners ------------------------------------

function setUpDingTalk() {
  const push = document.getElementById("push");
  if (push) push.addEventListener("click", async () => {
    push.disabled = true;
    try {
      if (document.getElementById("todo-section").dataset.approved !== "true") await api("PUT", `${base}/approval`);
      const accepted = await api("POST", `${base}/deliveries`);
      toast("推送中…");
      for (let i = 0; i < 120; i++) {
        const items = await api("GET", accepted.url);
        if (!items.some((d) => d.status === "pending")) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      window.location.reload();
    } catch (err) { toast(err.message, true); push.disabled = false; }
  });
  document.querySelectorAll(".choose-owner").forEach((button) => {
    button.addEventListener("click", async () => {
      const item = button.closest(".owner-choices").dataset.item;
      const body = button.dataset.person ? { person_id: button.dataset.person }
        : { user_id: button.dataset.user, name: button.dataset.name };
      try {
        await api("PUT", `${base}/action-items/${item}/person`, body);
        toast(`負責人：${button.dataset.name}`);
        window.location.reload();
      } catch (err) { toast(err.message, true); }
    });
  });
}
