/*
 * uvp.js: the Office.js client of the UVP ribbon.
 *
 * A ribbon button (manifest.xml: ExecuteFunction, FunctionName) runs one of the
 * functions associated below. It collects the open workbook the way xlwings'
 * Office.js client does (the book's name, every sheet's values anchored at A1
 * with "" for an empty cell, the defined names), posts it to the uvp server at
 * xlwings/custom-scripts-call/<script>, and applies the actions of the answer
 * (xlwings' book.json()) in Excel. Messages for the user are Dutch.
 *
 * Vergelijken also sends the plans the user picks in the task pane (regio.html): each
 * file's name and its bytes in base64, in the request's args.
 *
 * Loaded by commands.html (the add-in's FunctionFile), taskpane.html and regio.html.
 */
"use strict";

const UVP_TITLE = "UVP";
const UVP_TIMEOUT_MS = 120000;
// How many actions Excel receives in one batch (one context.sync()).
const UVP_BATCH = 200;
// Vergelijken: at most this many plans at once (the server's limit, uvp.addin.MAX_PLAN_FILES),
// and of at most this many bytes together: in base64 (a third more) beside the workbook,
// that stays within the 20 MB the server takes.
const UVP_MAX_PLAN_FILES = 20;
const UVP_MAX_PLAN_BYTES = 12 * 1024 * 1024;

// A problem uvp itself describes to the user, in Dutch (anything else came from Excel).
class UvpMessage extends Error {}

// -- collecting the workbook ------------------------------------------------------------

// An Excel date number as xlwings' client sends it: an ISO text the server reads as a date.
function uvpIsoDate(serial) {
  return new Date(Math.round((serial - 25569) * 86400 * 1000)).toISOString();
}

// The sheet a defined name's address ("'Mijn blad'!$A$1") points at.
function uvpSheetOfAddress(address) {
  const cut = address.lastIndexOf("!");
  if (cut < 0) return null;
  let sheet = address.slice(0, cut);
  if (sheet.startsWith("'") && sheet.endsWith("'")) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet: sheet, cell: address.slice(cut + 1).replace(/\$/g, "") };
}

async function collectPayload(context) {
  const workbook = context.workbook;
  workbook.load("name");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const active = worksheets.getActiveWorksheet();
  active.load("position");
  const bookNames = workbook.names;
  bookNames.load("items/name,items/type");
  await context.sync();

  const sheets = worksheets.items;
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return range;
  });
  const sheetNames = sheets.map((sheet) => {
    const names = sheet.names;
    names.load("items/name,items/type");
    return names;
  });
  await context.sync();

  // Excel 2021 and Microsoft 365 say which numbers are dates.
  const withDates = Office.context.requirements.isSetSupported("ExcelApi", "1.12");
  const ranges = sheets.map((sheet, i) => {
    const extent = used[i];
    if (extent.isNullObject) return null;
    const range = sheet.getRangeByIndexes(
      0,
      0,
      extent.rowIndex + extent.rowCount,
      extent.columnIndex + extent.columnCount,
    );
    range.load(withDates ? "values,numberFormatCategories" : "values");
    return range;
  });
  const named = [];
  for (const item of bookNames.items) {
    if (item.type === "Range") named.push({ item: item, scope: null });
  }
  sheets.forEach((sheet, i) => {
    for (const item of sheetNames[i].items) {
      if (item.type === "Range") named.push({ item: item, scope: i });
    }
  });
  const namedRanges = named.map((entry) => {
    const range = entry.item.getRangeOrNullObject();
    range.load("address");
    return range;
  });
  await context.sync();

  const positions = new Map(sheets.map((sheet, i) => [sheet.name, i]));
  const names = [];
  named.forEach((entry, i) => {
    const range = namedRanges[i];
    const where = range.isNullObject ? null : uvpSheetOfAddress(range.address);
    const position = where ? positions.get(where.sheet) : undefined;
    names.push({
      name: entry.item.name,
      sheet_index: position === undefined ? null : position,
      address: position === undefined ? null : where.cell,
      scope_sheet_name: entry.scope === null ? null : sheets[entry.scope].name,
      scope_sheet_index: entry.scope,
      book_scope: entry.scope === null,
    });
  });

  return {
    client: "Office.js",
    version: "uvp",
    book: { name: workbook.name, active_sheet_index: active.position, selection: null },
    names: names,
    sheets: sheets.map((sheet, i) => {
      const range = ranges[i];
      let values = [[""]];
      if (range !== null) {
        values = range.values;
        if (withDates) {
          const categories = range.numberFormatCategories;
          values = values.map((row, r) =>
            row.map((value, c) => {
              const category = String(categories[r][c]);
              return typeof value === "number" && (category === "Date" || category === "Time")
                ? uvpIsoDate(value)
                : value;
            }),
          );
        }
      }
      return {
        name: sheet.name,
        values: values,
        pictures: [],
        tables: [],
        charts: [],
        notes: [],
        shapes: [],
        pivot_tables: [],
      };
    }),
  };
}

// -- applying the answer ----------------------------------------------------------------

// The sheets as they are now; read again after a sheet is added or deleted.
async function uvpSheetAt(context, state, position) {
  if (state.sheets === null) {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    state.sheets = worksheets.items;
  }
  const sheet = state.sheets[position];
  if (!sheet) throw new UvpMessage("Blad " + (position + 1) + " bestaat niet (meer).");
  return sheet;
}

async function uvpRange(context, state, action) {
  const sheet = await uvpSheetAt(context, state, action.sheet_position);
  return sheet.getRangeByIndexes(
    action.start_row,
    action.start_column,
    action.row_count,
    action.column_count,
  );
}

function uvpFilled(action, value) {
  const rows = [];
  for (let r = 0; r < action.row_count; r++) {
    const row = [];
    for (let c = 0; c < action.column_count; c++) row.push(value);
    rows.push(row);
  }
  return rows;
}

function uvpApplyFormat(format, entry) {
  if (entry.fill_color) format.fill.color = entry.fill_color;
  if (entry.font_color) format.font.color = entry.font_color;
  if (entry.font_bold !== null && entry.font_bold !== undefined) format.font.bold = entry.font_bold;
  if (entry.font_italic !== null && entry.font_italic !== undefined) {
    format.font.italic = entry.font_italic;
  }
}

const UVP_FONT_PROPERTIES = ["bold", "italic", "size", "color", "name"];
const UVP_BORDER_SIDES = ["edge_top", "edge_bottom", "edge_left", "edge_right"];

// xlwings' snake_case names as Office.js spells them: edge_bottom -> EdgeBottom.
function uvpCamel(name) {
  return String(name)
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}
// xlwings' own screen tip for a hyperlink is English; without one, Excel shows its own.
const UVP_XLWINGS_TIP = " - Click once to follow. Click and hold to select this cell.";

// One function per action uvp's scripts send; the action's fields as xlwings makes them.
const UVP_ACTIONS = {
  async setValues(context, state, action) {
    (await uvpRange(context, state, action)).values = action.values;
  },
  async setRangeColor(context, state, action) {
    const range = await uvpRange(context, state, action);
    if (action.args[0] === null) range.format.fill.clear();
    else range.format.fill.color = String(action.args[0]);
  },
  async setRangeColors(context, state, action) {
    const range = await uvpRange(context, state, action);
    action.args[0].forEach((row, r) =>
      row.forEach((colour, c) => {
        if (colour === "keep") return;
        const fill = range.getCell(r, c).format.fill;
        if (colour === null) fill.clear();
        else fill.color = String(colour);
      }),
    );
  },
  async setFontProperty(context, state, action) {
    const [property, value] = action.args;
    if (!UVP_FONT_PROPERTIES.includes(property)) {
      throw new UvpMessage("Onbekende lettertype-eigenschap: " + property);
    }
    (await uvpRange(context, state, action)).format.font[property] = value;
  },
  async setBorderProperty(context, state, action) {
    const [side, attribute, value] = action.args;
    if (!UVP_BORDER_SIDES.includes(side)) throw new UvpMessage("Onbekende rand: " + side);
    const border = (await uvpRange(context, state, action)).format.borders.getItem(uvpCamel(side));
    if (attribute === "color") border.color = String(value);
    else if (attribute === "weight") border.weight = uvpCamel(value);
    else if (attribute === "line_style") {
      border.style = value === null || value === undefined ? "None" : uvpCamel(value);
    } else throw new UvpMessage("Onbekende randeigenschap: " + attribute);
  },
  async setWrapText(context, state, action) {
    (await uvpRange(context, state, action)).format.wrapText = Boolean(action.args[0]);
  },
  async setHorizontalAlignment(context, state, action) {
    (await uvpRange(context, state, action)).format.horizontalAlignment = String(action.args[0]);
  },
  async setVerticalAlignment(context, state, action) {
    (await uvpRange(context, state, action)).format.verticalAlignment = String(action.args[0]);
  },
  async setNumberFormat(context, state, action) {
    const range = await uvpRange(context, state, action);
    range.numberFormat = uvpFilled(action, String(action.args[0]));
  },
  async setColumnWidth(context, state, action) {
    // In points, as xlwings' remote engine gives it for Office.js.
    (await uvpRange(context, state, action)).format.columnWidth = Number(action.args[0]);
  },
  async setRowHeight(context, state, action) {
    (await uvpRange(context, state, action)).format.rowHeight = Number(action.args[0]);
  },
  async addSheet(context, state, action) {
    const [position, name] = action.args;
    const sheet =
      name === null || name === undefined
        ? context.workbook.worksheets.add()
        : context.workbook.worksheets.add(String(name));
    sheet.position = Number(position);
    await context.sync();
    state.sheets = null;
  },
  async sheetDelete(context, state, action) {
    (await uvpSheetAt(context, state, action.sheet_position)).delete();
    await context.sync();
    state.sheets = null;
  },
  async setSheetName(context, state, action) {
    (await uvpSheetAt(context, state, action.sheet_position)).name = String(action.args[0]);
    await context.sync();
    state.sheets = null;
  },
  async activateSheet(context, state, action) {
    (await uvpSheetAt(context, state, Number(action.args[0]))).activate();
  },
  async setDataValidationList(context, state, action) {
    const [source, dropdown] = action.args;
    const range = await uvpRange(context, state, action);
    let list;
    if (source.type === "literal") {
      list = source.values.map(String).join(",");
    } else if (source.type === "name") {
      list = "=" + source.name;
    } else {
      const from = await uvpRange(context, state, source);
      from.load("address");
      await context.sync();
      list = "=" + from.address;
    }
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: dropdown !== false, source: list } };
  },
  async addConditionalFormat(context, state, action) {
    const entry = action.args[0];
    const range = await uvpRange(context, state, action);
    let format;
    let added;
    if (entry.type === "CellValue") {
      added = range.conditionalFormats.add("CellValue");
      const rule = { formula1: entry.formula1, operator: entry.operator };
      if (entry.formula2 !== null && entry.formula2 !== undefined) rule.formula2 = entry.formula2;
      added.cellValue.rule = rule;
      format = added.cellValue.format;
    } else if (entry.type === "Custom") {
      added = range.conditionalFormats.add("Custom");
      added.custom.rule.formula = entry.formula1;
      format = added.custom.format;
    } else {
      throw new UvpMessage("Onbekende voorwaardelijke opmaak: " + entry.type);
    }
    uvpApplyFormat(format, entry);
    if (entry.stop_if_true) added.stopIfTrue = true;
  },
  async addHyperlink(context, state, action) {
    const [address, text, tip] = action.args.map((arg) =>
      arg === null || arg === undefined ? "" : String(arg),
    );
    const link = { textToDisplay: text };
    if (address.startsWith("#")) link.documentReference = address.slice(1);
    else link.address = address;
    if (tip && tip !== address + UVP_XLWINGS_TIP) link.screenTip = tip;
    (await uvpRange(context, state, action)).hyperlink = link;
  },
  async addChart(context, state, action) {
    const [name, type, sheetName, source, left, top, width, height, plotBy, anchor, style] =
      action.args;
    const sheet = context.workbook.worksheets.getItem(String(sheetName));
    const where = uvpSheetOfAddress(String(source));
    const data = where
      ? context.workbook.worksheets.getItem(where.sheet).getRange(where.cell)
      : sheet.getRange(String(source).replace(/\$/g, ""));
    const chart = sheet.charts.add(String(type), data, plotBy ? String(plotBy) : "Auto");
    if (name) chart.name = String(name);
    if (anchor) {
      const cell = sheet.getRange(String(anchor).replace(/\$/g, ""));
      cell.load("left,top");
      await context.sync();
      chart.left = cell.left;
      chart.top = cell.top;
    } else {
      if (left !== null && left !== undefined) chart.left = Number(left);
      if (top !== null && top !== undefined) chart.top = Number(top);
    }
    if (width !== null && width !== undefined) chart.width = Number(width);
    if (height !== null && height !== undefined) chart.height = Number(height);
    if (style !== null && style !== undefined) chart.style = Number(style);
  },
  async freezePaneAtRange(context, state, action) {
    const sheet = await uvpSheetAt(context, state, action.sheet_position);
    const address = String(action.args[0]).replace(/\$/g, "");
    sheet.freezePanes.unfreeze();
    // As xlwings means it: the address is the frozen cells, whole rows ("1:4"),
    // whole columns ("A:B") or a block from A1 ("A1:B4").
    let match;
    if ((match = /^1:(\d+)$/.exec(address))) {
      sheet.freezePanes.freezeRows(Number(match[1]));
    } else if ((match = /^A:([A-Z]+)$/.exec(address))) {
      let columns = 0;
      for (const letter of match[1]) columns = columns * 26 + letter.charCodeAt(0) - 64;
      sheet.freezePanes.freezeColumns(columns);
    } else {
      sheet.freezePanes.freezeAt(sheet.getRange(address));
    }
  },
  async freezePaneUnfreeze(context, state, action) {
    (await uvpSheetAt(context, state, action.sheet_position)).freezePanes.unfreeze();
  },
};

// Applies the answer's actions in order; returns its message boxes to show afterwards.
async function applyActions(context, actions) {
  const state = { sheets: null };
  const alerts = [];
  let queued = 0;
  for (const action of actions) {
    if (action.func === "alert") {
      const [prompt, title, , mode] = action.args;
      alerts.push({ prompt: String(prompt), title: String(title || UVP_TITLE), mode: mode });
      continue;
    }
    const apply = UVP_ACTIONS[action.func];
    if (!apply) {
      throw new UvpMessage(
        "De server vraagt om '" +
          action.func +
          "', dat deze versie van de invoegtoepassing niet kent. Vraag de beheerder om de " +
          "invoegtoepassing bij te werken.",
      );
    }
    await apply(context, state, action);
    queued += 1;
    if (queued >= UVP_BATCH) {
      await context.sync();
      queued = 0;
    }
  }
  await context.sync();
  return alerts;
}

// -- the plans picked for Vergelijken ----------------------------------------------------

function uvpBase64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

async function uvpBytesOf(file) {
  try {
    if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
    const buffer = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(file);
    });
    return new Uint8Array(buffer);
  } catch (error) {
    throw new UvpMessage("Het bestand " + file.name + " kon niet worden gelezen. Kies het opnieuw.");
  }
}

// The files picked in *input* (<input type="file">) as the server takes them:
// {plannen: [{naam, inhoud (base64)}]}. The server says what is wrong with a file's content.
async function uvpReadPlanFiles(input) {
  const files = Array.from((input && input.files) || []);
  if (!files.length) {
    throw new UvpMessage(
      "Kies eerst de plannen van de andere gemeenten (.xlsx-, .xlsm- of .json-bestanden).",
    );
  }
  if (files.length > UVP_MAX_PLAN_FILES) {
    throw new UvpMessage(
      "Er zijn " + files.length + " bestanden gekozen; uvp vergelijkt er hoogstens " +
        UVP_MAX_PLAN_FILES + " tegelijk.",
    );
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > UVP_MAX_PLAN_BYTES) {
    throw new UvpMessage(
      "De gekozen bestanden zijn samen groter dan 12 MB. Kies alleen de plannen van de andere gemeenten.",
    );
  }
  const plannen = [];
  for (const file of files) {
    plannen.push({ naam: String(file.name), inhoud: uvpBase64(await uvpBytesOf(file)) });
  }
  return { plannen: plannen };
}

// -- talking to the server and to the user ----------------------------------------------

function uvpScriptUrl(scriptName) {
  // Relative to this page (…/static/), so a server under a path prefix works as well.
  return new URL("../xlwings/custom-scripts-call/" + scriptName, window.location.href).href;
}

// What to say for a failed answer without uvp's own Dutch detail (a proxy's error page).
function uvpStatusMessage(status) {
  if (status === 413) {
    return "De werkmap is te groot om naar de UVP-server te sturen. Verwijder bladen die niet bij het plan horen.";
  }
  if (status === 502 || status === 503 || status === 504) {
    return "De UVP-server is even niet beschikbaar (fout " + status + "). Probeer het over een paar minuten opnieuw.";
  }
  return "De UVP-server antwoordde met fout " + status + ". Meld het aan de beheerder.";
}

// Posts the workbook; the server's answer: {actions: [...]}, or {actions: [], ask: {...}}.
async function uvpPost(scriptName, payload) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), UVP_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(uvpScriptUrl(scriptName), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
      signal: abort.signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (abort.signal.aborted) {
      throw new UvpMessage("De UVP-server antwoordde niet binnen twee minuten. Probeer het later opnieuw.");
    }
    throw new UvpMessage("De UVP-server is niet bereikbaar. Probeer het later opnieuw of meld het aan de beheerder.");
  } finally {
    clearTimeout(timer);
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch (error) {
    answer = null;
  }
  if (!response.ok) {
    const detail = answer && typeof answer.detail === "string" ? answer.detail : "";
    throw new UvpMessage(detail || uvpStatusMessage(response.status));
  }
  if (!answer || !Array.isArray(answer.actions)) {
    throw new UvpMessage("Het antwoord van de UVP-server is onleesbaar.");
  }
  return answer;
}

// Opens an add-in page as Office's dialog; resolves with what the page sent
// (messageParent), or null when it was closed or could not be shown.
function uvpDialog(page, params, size) {
  return new Promise((resolve) => {
    const url = new URL(page, window.location.href);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    Office.context.ui.displayDialogAsync(
      url.href,
      { height: size, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.error("UVP: venster niet getoond", result.error, page);
          resolve(null);
          return;
        }
        const dialog = result.value;
        const close = (message) => {
          try {
            dialog.close();
          } catch (error) {
            // already closed by the user
          }
          resolve(message);
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => close(arg.message));
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => close(null));
      },
    );
  });
}

// A message box (dialog.html); resolves when it is closed.
async function showAlert(prompt, title, mode) {
  const shown = document.getElementById("uvp-status");
  if (shown) shown.textContent = String(prompt);
  await uvpDialog(
    "dialog.html",
    {
      title: String(title || UVP_TITLE).slice(0, 100),
      prompt: String(prompt).slice(0, 1500),
      mode: mode === "critical" ? "critical" : "info",
    },
    30,
  );
}

// Asks what the workbook does not say (ask.html): {gemeente, jaar}, or null when cancelled.
async function askPlanInfo(ask) {
  const fields = (Array.isArray(ask.fields) ? ask.fields : []).join(",");
  const message = await uvpDialog(
    "ask.html",
    { title: UVP_TITLE, prompt: String(ask.prompt || "").slice(0, 1500), fields: fields },
    45,
  );
  if (!message || message === "cancel") return null;
  try {
    return JSON.parse(message);
  } catch (error) {
    return null;
  }
}

let uvpBusy = false;

// What a button does: workbook to the server, its answer into the workbook, then its
// messages. Where the server asks what the workbook does not say, the user is asked and
// the button runs once more with the answer. event.completed() is called in every case.
// *prepare*, if given, gives the script's arguments first (Vergelijken: the picked plans).
async function runScript(scriptName, event, prepare) {
  if (uvpBusy) {
    if (event) event.completed();
    return;
  }
  uvpBusy = true;
  try {
    let alerts = [];
    try {
      const given = prepare ? await prepare() : null;
      let args = given;
      for (let round = 0; round < 2; round++) {
        let ask = null;
        await Excel.run(async (context) => {
          const payload = await collectPayload(context);
          if (args) payload.args = [args];
          const answer = await uvpPost(scriptName, payload);
          if (answer.ask && round === 0) {
            ask = answer.ask;
            return;
          }
          alerts = await applyActions(context, answer.actions);
        });
        if (!ask) break;
        const told = await askPlanInfo(ask);
        if (!told) break; // cancelled: nothing changed, nothing to say
        args = Object.assign({}, given || {}, told);
      }
    } catch (error) {
      console.error("UVP", scriptName, error);
      const text = error && error.message ? error.message : String(error);
      const message =
        error instanceof UvpMessage
          ? text
          : "Excel kon de wijzigingen van UVP niet (helemaal) aanbrengen: " + text;
      alerts.push({ prompt: message, title: UVP_TITLE, mode: "critical" });
    }
    for (const alert of alerts) await showAlert(alert.prompt, alert.title, alert.mode);
  } finally {
    uvpBusy = false;
    if (event) event.completed();
  }
}

// The ribbon's buttons: the FunctionName in manifest.xml, and the script it runs.
function associateButtons() {
  Office.actions.associate("uvpControleren", (event) => runScript("validate", event));
  Office.actions.associate("uvpKwartalenVullen", (event) => runScript("fill_quarters", event));
  Office.actions.associate("uvpEvaluatie", (event) => runScript("write_evaluation", event));
  Office.actions.associate("uvpExporteren", (event) => runScript("export_json", event));
  Office.actions.associate("uvpKwartaalrapportage", (event) => runScript("quarterly_report", event));
  // Vergelijken opens the task pane regio.html (manifest.xml: ShowTaskpane), whose button
  // runs compare_region with the plans picked there.
}

// The task panes' buttons: <button data-uvp-script="validate">; with
// data-uvp-files="<id of an input type=file>", the files picked there go along.
function wireTaskpaneButtons() {
  document.querySelectorAll("[data-uvp-script]").forEach((button) => {
    button.addEventListener("click", async () => {
      const files = button.getAttribute("data-uvp-files");
      const prepare = files ? () => uvpReadPlanFiles(document.getElementById(files)) : null;
      button.disabled = true;
      try {
        await runScript(button.getAttribute("data-uvp-script"), null, prepare);
      } finally {
        button.disabled = false;
      }
    });
  });
}

if (typeof Office !== "undefined") {
  // As Office's own templates do: associate when the page loads, not later.
  if (Office.actions && typeof Office.actions.associate === "function") {
    try {
      associateButtons();
    } catch (error) {
      console.error("UVP: knoppen niet gekoppeld", error);
    }
  }
  Office.onReady(() => wireTaskpaneButtons());
}

// For the tests (Node); a browser has no `module`.
if (typeof module !== "undefined" && module.exports) {
  module.exports = {
    applyActions,
    collectPayload,
    runScript,
    uvpReadPlanFiles,
    uvpSheetOfAddress,
    UVP_ACTIONS,
    UVP_MAX_PLAN_FILES,
  };
}
