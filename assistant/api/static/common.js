// Shared helpers: JSON requests with readable errors, a toast, progress polling.
"use strict";

const STAGE_LABELS = {
  decode: "解碼 Decoding", diarise: "分辨講者 Diarising", identify: "認出講者 Naming speakers", transcribe: "轉錄 Transcribing",
  merge: "整合 Merging", extract: "擷取事項 Extracting",
};
const STATE_LABELS = {
  queued: "排隊中", running: "處理中", retrying: "稍後重試", done: "完成", no_speech: "沒有語音", failed: "失敗", cancelled: "已取消",
};

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

// The session's CSRF token (double submit): every change made with the session cookie echoes it.
function csrfToken() {
  const match = document.cookie.match(/(?:^|; )assistant_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : "";
}

async function api(method, url, body) {
  const options = { method, headers: { "X-CSRF-Token": csrfToken() } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail);
    const message = response.status === 409 ? `已被其他人修改或已鎖定，請重新載入頁面。(${detail})` : detail;
    throw new ApiError(response.status, message);
  }
  return data;
}

let toastTimer;
function toast(message, isError = false) {
  const el = document.getElementById("toast");
  el.textContent = message;
  el.className = isError ? "show error" : "show";
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.className = ""; }, isError ? 6000 : 2500);
}

// Polls a meeting until its job ends; onUpdate(meeting) is called on every answer.
async function pollMeeting(id, onUpdate, intervalMs = 1000) {
  for (;;) {
    const meeting = await api("GET", `/api/meetings/${id}`);
    onUpdate(meeting);
    if (!["queued", "processing"].includes(meeting.status)) return meeting;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function showJob(job) {
  if (!job) return;
  document.getElementById("job-bar").value = job.percent;
  document.getElementById("job-pct").textContent = `${job.percent.toFixed(0)}%`;
  const stage = job.stage ? STAGE_LABELS[job.stage] || job.stage : "";
  let text = `${STATE_LABELS[job.state] || job.state}${stage ? " · " + stage : ""}`;
  if (job.eta_seconds != null) text += ` · 尚餘約 ${Math.max(1, Math.round(job.eta_seconds / 60))} 分鐘`;
  if (job.state === "retrying" && job.next_attempt_at) text += ` · ${new Date(job.next_attempt_at).toLocaleTimeString("zh-HK")}`;
  document.getElementById("job-stage").textContent = text;
  const error = document.getElementById("job-error");
  error.hidden = !job.error;
  error.textContent = job.error ? `錯誤 Error：${job.error}` : "";
}
