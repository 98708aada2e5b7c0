/*
 * ask.js: the question of the UVP ribbon when the workbook does not say the plan's
 * municipality or year (uvp.js opens ask.html?fields=municipality,year&prompt=...).
 * Sends the answer to uvp.js as JSON, {"gemeente": "...", "jaar": 2025}, or "cancel".
 */
"use strict";

const UVP_ASK_FIELDS = { municipality: "gemeente", year: "jaar" };

function uvpAskFields() {
  const query = new URLSearchParams(window.location.search);
  return (query.get("fields") || "")
    .split(",")
    .filter((field) => Object.prototype.hasOwnProperty.call(UVP_ASK_FIELDS, field));
}

// What the user typed, or a Dutch sentence saying what is wrong with it.
function uvpAskAnswer(fields, values) {
  const answer = {};
  for (const field of fields) {
    const text = String(values[field] || "").trim();
    if (field === "municipality") {
      if (!text) return { problem: "Vul de naam van de gemeente in." };
      if (text.length > 80 || /[\u0000-\u001f]/.test(text)) {
        return { problem: "Dat is geen naam van een gemeente." };
      }
      answer.gemeente = text;
    } else {
      if (!/^\d{4}$/.test(text) || Number(text) < 1900 || Number(text) > 2999) {
        return { problem: "Vul het jaar in met vier cijfers, bijvoorbeeld 2025." };
      }
      answer.jaar = Number(text);
    }
  }
  return { answer: answer };
}

function uvpShowQuestion() {
  const query = new URLSearchParams(window.location.search);
  document.getElementById("prompt").textContent = query.get("prompt") || "";
  const fields = uvpAskFields();
  for (const field of fields) document.getElementById(field + "-field").hidden = false;
  if (fields.length) document.getElementById(fields[0]).focus();
}

document.addEventListener("DOMContentLoaded", uvpShowQuestion);

Office.onReady(() => {
  document.getElementById("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const fields = uvpAskFields();
    const values = {};
    for (const field of fields) values[field] = document.getElementById(field).value;
    const checked = uvpAskAnswer(fields, values);
    if (checked.problem) {
      document.getElementById("problem").textContent = checked.problem;
      return;
    }
    Office.context.ui.messageParent(JSON.stringify(checked.answer));
  });
  document.getElementById("cancel").addEventListener("click", () => {
    Office.context.ui.messageParent("cancel");
  });
});
