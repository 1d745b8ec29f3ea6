// Meeting page, speakers: confirm or correct who each speaker is from the people directory,
// and (administrators, with the person's consent) keep this meeting's voice as a voiceprint.
"use strict";

(async function setUpPeople() {
  const rows = [...document.querySelectorAll(".speaker[data-speaker]")];
  if (!rows.length) return;
  let people = [];
  try { people = await api("GET", "/api/people"); } catch (err) { toast(err.message, true); return; }
  const speakerUrl = (id) => `${base}/speakers/${encodeURIComponent(id)}`;

  for (const li of rows) {
    const select = li.querySelector(".speaker-person");
    for (const p of people) {
      const option = new Option(p.aliases.length ? `${p.name}（${p.aliases.join("、")}）` : p.name, p.id);
      select.add(option);
    }
    select.value = li.dataset.person;
    select.addEventListener("change", async () => {
      const id = li.dataset.speaker;
      try {
        const speaker = await api("PATCH", speakerUrl(id), { person_id: select.value || null, version: +li.dataset.version });
        li.dataset.version = speaker.version;
        li.dataset.person = speaker.person_id || "";
        li.querySelector(".speaker-name").value = speaker.name || "";
        li.querySelector(".suggested").textContent = "";
        const name = speaker.name || speaker.id;
        document.querySelectorAll(`.who[data-speaker="${CSS.escape(id)}"]`).forEach((el) => { el.textContent = name; });
        document.querySelectorAll(`.turn-speaker option[value="${CSS.escape(id)}"]`).forEach((el) => { el.textContent = name; });
        toast(speaker.person_id ? `已確認：${name}` : "已取消確認");
      } catch (err) { toast(err.message, true); select.value = li.dataset.person; }
    });

    const add = li.querySelector(".add-voiceprint");
    if (!add) continue;  // administrators only
    add.addEventListener("click", async () => {
      if (!li.dataset.person) { toast("請先從通訊錄確認講者是誰", true); return; }
      if (!li.querySelector(".voice-consent").checked) { toast("須先取得本人同意才可保存聲紋", true); return; }
      try {
        await api("POST", `${speakerUrl(li.dataset.speaker)}/voiceprint`, { consent: true });
        toast("已加入聲紋，之後的會議會認得此人");
      } catch (err) { toast(err.message, true); }
    });
  }
})();
