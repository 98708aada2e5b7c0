/*
 * dialog.js: the message box of the UVP ribbon (uvp.js opens dialog.html with
 * ?title=&prompt=&mode=). Shows the text as text, never as HTML.
 */
"use strict";

function uvpShowMessage() {
  const query = new URLSearchParams(window.location.search);
  document.getElementById("title").textContent = query.get("title") || "UVP";
  document.getElementById("prompt").textContent = query.get("prompt") || "";
  if (query.get("mode") === "critical") document.body.classList.add("critical");
}

document.addEventListener("DOMContentLoaded", uvpShowMessage);

Office.onReady(() => {
  document.getElementById("ok").addEventListener("click", () => {
    Office.context.ui.messageParent("ok");
  });
});
