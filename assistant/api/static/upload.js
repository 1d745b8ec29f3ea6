// Upload page: drag and drop, upload progress (XHR), then processing progress.
"use strict";

const form = document.getElementById("upload-form");
const drop = document.getElementById("drop");
const input = document.getElementById("file");

["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (e) => {
  e.preventDefault();
  drop.classList.add("over");
}));
["dragleave", "drop"].forEach((type) => drop.addEventListener(type, (e) => {
  e.preventDefault();
  drop.classList.remove("over");
}));
drop.addEventListener("drop", (e) => {
  if (e.dataTransfer.files.length) {
    input.files = e.dataTransfer.files;
    upload(e.dataTransfer.files[0]);
  }
});
input.addEventListener("change", () => { if (input.files.length) drop.querySelector("strong").textContent = input.files[0].name; });
form.addEventListener("submit", (e) => {
  e.preventDefault();
  if (!input.files.length) { toast("請先選擇錄音檔", true); return; }
  upload(input.files[0]);
});

function upload(file) {
  const data = new FormData();
  data.append("file", file);
  const title = document.getElementById("title").value.trim();
  const date = document.getElementById("meeting_date").value;
  if (title) data.append("title", title);
  if (date) data.append("meeting_date", date);
  const attendees = document.getElementById("attendees").value.trim();
  if (attendees) data.append("attendees", attendees);
  // the copy the server stores is new: the file's own time dates a recording that carries no creation time
  if (file.lastModified) data.append("file_modified", new Date(file.lastModified).toISOString());
  document.getElementById("progress").hidden = false;
  document.getElementById("file-name").textContent = file.name;
  document.getElementById("start").disabled = true;

  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/api/meetings");
  xhr.setRequestHeader("X-CSRF-Token", csrfToken());
  xhr.upload.addEventListener("progress", (e) => {
    if (!e.lengthComputable) return;
    const pct = Math.round((e.loaded / e.total) * 100);
    document.getElementById("upload-bar").value = pct;
    document.getElementById("upload-pct").textContent = `${pct}%`;
  });
  xhr.addEventListener("load", () => {
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch (_) { /* not JSON */ }
    if (xhr.status !== 202) {
      document.getElementById("start").disabled = false;
      toast(`上載失敗：${body.detail || xhr.statusText}`, true);
      return;
    }
    document.getElementById("upload-bar").value = 100;
    document.getElementById("upload-pct").textContent = "100%";
    const link = document.getElementById("meeting-link");
    link.href = `/meetings/${body.id}`;
    link.hidden = false;
    pollMeeting(body.id, (meeting) => showJob(meeting.job)).then((meeting) => {
      if (meeting.status === "done") window.location.href = `/meetings/${body.id}`;
    }).catch((err) => toast(err.message, true));
  });
  xhr.addEventListener("error", () => {
    document.getElementById("start").disabled = false;
    toast("上載失敗：網絡錯誤", true);
  });
  xhr.send(data);
}
