/*
 * A stand-in for Office.js, just enough to run the UVP client
 * (src/uvp/addin/static/uvp.js) under Node: Excel's object model on a workbook given as
 * JSON, recording every property Excel would be told to set and keeping each sheet's
 * values; and Office's add-in runtime: the ribbon's associated functions, Excel.run,
 * dialogs (whose pages, dialog.html and ask.html, really run here on a small stand-in
 * for their document, with a "user" clicking and typing as the job says) and
 * event.completed(). fetch is Node's own: the client talks to a real server.
 *
 * Reads one JSON job list on stdin, writes one JSON result list on stdout:
 *   {"collect": {"name", "active", "sheets": [{"name", "values"}], "names": [{"name", "address"}]}}
 *     -> {"payload": ...}
 *   {"apply": {"sheets": [{"name", "values"}], "actions": [...]}}
 *     -> {"alerts", "log": [[path, value], ...], "sheets": [{"name", "values"}]} or {"error"}
 *   {"press": {"url": the page's address, "button": a FunctionName, "workbook": as collect,
 *              "user": [[step, ...] for each dialog in turn]}}
 *     -> {"associated", "completed", "events", "dialogs", "posts", "sheets", "log"}
 *   "twice": true in a press clicks the button a second time while the first runs.
 *   A step: {"click": id}, {"fill": {id: text}}, {"submit": id} or {"close": true}; a dialog
 *   with no steps given is answered as a person would: OK on a message box, Annuleren on
 *   a question.
 *   {"pane": {"url": a task pane's address (a ShowTaskpane button's page), "workbook",
 *             "steps": [step, ...] in the pane, "user": as for press}}
 *     -> {"events", "dialogs", "posts", "sheets", "log", "status", "disabled"}
 *   A pane's step: {"files": {id: [{"name", "base64"} or {"name", "zeros": size}]}} picks
 *   files in an <input type="file">, {"click": id} clicks and waits for what it started.
 *   A post's args are recorded with each file's base64 content as its length.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const STATIC = path.dirname(path.resolve(process.argv[2]));

// What happens in the press being run: its dialogs, requests and completion.
let press = null;

const associated = {};
globalThis.Office = {
  context: {
    requirements: { isSetSupported: () => true },
    ui: { displayDialogAsync: (url, options, callback) => openDialog(url, callback) },
  },
  actions: { associate: (name, action) => (associated[name] = action) },
  onReady: (callback) => {
    if (callback) callback({ host: "Excel" });
    return Promise.resolve({ host: "Excel" });
  },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  },
};
globalThis.window = { location: { href: "http://127.0.0.1/static/commands.html" } };
globalThis.document = { getElementById: () => null, querySelectorAll: () => [] };
globalThis.Excel = {
  run: async (batch) => {
    const result = await batch(press.context);
    await press.context.sync();
    return result;
  },
};
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, init) => {
  const body = JSON.parse(init.body, (key, value) => (key === "inhoud" ? value.length : value));
  const post = { url: String(url), args: body.args || null, bytes: init.body.length };
  if (press) press.posts.push(post);
  const response = await realFetch(url, init);
  post.status = response.status;
  return response;
};

const client = require(path.resolve(process.argv[2]));

// -- dialogs: the real page script on a stand-in document ------------------------------

function pageDocument(html) {
  const elements = {};
  for (const match of html.matchAll(/\bid="([^"]+)"/g)) {
    const listeners = {};
    const start = html.lastIndexOf("<", match.index);
    const tag = html.slice(start, html.indexOf(">", match.index));
    const attributes = {};
    for (const attribute of tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)) {
      attributes[attribute[1]] = attribute[2] === undefined ? "" : attribute[2];
    }
    elements[match[1]] = {
      id: match[1],
      attributes,
      textContent: "",
      value: "",
      files: [],
      disabled: false,
      hidden: "hidden" in attributes,
      focus() {},
      getAttribute: (name) => (name in attributes ? attributes[name] : null),
      addEventListener: (type, listener) => (listeners[type] = listener),
      fire: (type, event) => listeners[type] && listeners[type](event),
    };
  }
  const loaded = [];
  return {
    elements,
    loaded,
    body: { classList: { names: new Set(), add(name) { this.names.add(name); } } },
    getElementById: (id) => elements[id] || null,
    // Only what the pages use: [attribute].
    querySelectorAll: (selector) => {
      const wanted = /^\[([\w-]+)\]$/.exec(selector)[1];
      return Object.values(elements).filter((element) => wanted in element.attributes);
    },
    addEventListener: (type, listener) => type === "DOMContentLoaded" && loaded.push(listener),
  };
}

function openDialog(url, callback) {
  const address = new URL(url);
  const page = path.basename(address.pathname);
  const record = {
    page,
    params: Object.fromEntries(address.searchParams),
    shown: {},
    problems: [],
    sent: null,
    closed: false,
  };
  press.dialogs.push(record);
  press.events.push("dialog " + page);
  const handlers = {};
  const dialog = {
    addEventHandler: (type, handler) => (handlers[type] = handler),
    close: () => {
      record.closed = true;
      press.events.push("closed " + page);
    },
  };
  callback({ status: Office.AsyncResultStatus.Succeeded, value: dialog });

  const html = fs.readFileSync(path.join(STATIC, page), "utf8");
  const script = [...html.matchAll(/<script src="([^":]+)"><\/script>/g)].map((m) => m[1]);
  const doc = pageDocument(html);
  const ready = [];
  const sandbox = {
    window: { location: { search: address.search, href: url } },
    document: doc,
    URLSearchParams,
    console,
    Office: {
      onReady: (callback) => ready.push(callback),
      context: {
        ui: {
          messageParent: (message) => {
            record.sent = message;
            setImmediate(() =>
              handlers[Office.EventType.DialogMessageReceived]({ message: String(message) }),
            );
          },
        },
      },
    },
  };
  vm.createContext(sandbox);
  for (const file of script) {
    vm.runInContext(fs.readFileSync(path.join(STATIC, file), "utf8"), sandbox, { filename: file });
  }
  for (const listener of doc.loaded) listener();
  for (const callback of ready) callback();
  for (const [id, element] of Object.entries(doc.elements)) {
    if (element.textContent) record.shown[id] = element.textContent;
  }
  record.critical = doc.body.classList.names.has("critical");
  record.visible = Object.keys(doc.elements).filter((id) => !doc.elements[id].hidden);

  const steps = press.user.shift() || [page === "ask.html" ? { click: "cancel" } : { click: "ok" }];
  setImmediate(() => {
    for (const step of steps) {
      if (step.close) {
        handlers[Office.EventType.DialogEventReceived]({ error: 12006 });
      } else if (step.fill) {
        for (const [id, text] of Object.entries(step.fill)) doc.elements[id].value = text;
      } else if (step.click) {
        doc.elements[step.click].fire("click", {});
      } else if (step.submit) {
        doc.elements[step.submit].fire("submit", { preventDefault() {} });
      }
      const problem = doc.elements.problem && doc.elements.problem.textContent;
      if (problem && !record.problems.includes(problem)) record.problems.push(problem);
    }
  });
}

function columnName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function parseCell(text) {
  const match = /^([A-Z]+)(\d+)$/.exec(text);
  let column = 0;
  for (const letter of match[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
}

// Records every set and call below *where*; *fixed* holds the parts that are real.
function recorder(where, log, fixed) {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (typeof prop === "symbol" || prop === "then") return undefined;
      if (fixed && prop in fixed) return fixed[prop];
      return recorder(where + "." + prop, log);
    },
    set(_, prop, value) {
      if (fixed && prop in fixed) fixed[prop] = value;
      log.push([where + "." + prop, value]);
      return true;
    },
    apply(_, __, args) {
      log.push([where + "()", args]);
      return recorder(where + "()", log);
    },
  });
}

function makeWorkbook(spec, log) {
  const sheets = [];
  const worksheets = {
    items: sheets,
    load() {},
    add(name) {
      const sheet = makeSheet({ name: name, values: [] });
      sheets.push(sheet);
      log.push(["worksheets.add()", [name]]);
      return sheet;
    },
    getItem(name) {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new Error("no sheet " + name);
      return sheet;
    },
    getActiveWorksheet() {
      return { position: spec.active || 0, load() {} };
    },
  };

  function makeRange(sheet, row, column, rows, columns) {
    const first = columnName(column) + (row + 1);
    const last = columnName(column + columns - 1) + (row + rows);
    const where = sheet.name + "!" + (first === last ? first : first + ":" + last);
    const fixed = {
      rowIndex: row,
      columnIndex: column,
      rowCount: rows,
      columnCount: columns,
      left: column * 48,
      top: row * 15,
      isNullObject: false,
      address: where,
      load() {},
      getCell: (r, c) => makeRange(sheet, row + r, column + c, 1, 1),
    };
    Object.defineProperty(fixed, "values", {
      enumerable: true,
      get() {
        const out = [];
        for (let r = 0; r < rows; r++) {
          const line = [];
          for (let c = 0; c < columns; c++) {
            const value = (sheet.grid[row + r] || [])[column + c];
            line.push(value === undefined || value === null ? "" : value);
          }
          out.push(line);
        }
        return out;
      },
      set(values) {
        values.forEach((line, r) =>
          line.forEach((value, c) => {
            while (sheet.grid.length <= row + r) sheet.grid.push([]);
            // As Excel: a leading apostrophe keeps the rest as text, "" empties the cell.
            const kept = typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;
            sheet.grid[row + r][column + c] = kept === "" ? null : kept;
          }),
        );
      },
    });
    Object.defineProperty(fixed, "numberFormatCategories", {
      get: () => fixed.values.map((line) => line.map(() => "General")),
    });
    return recorder(where, log, fixed);
  }

  function makeSheet(sheetSpec) {
    const sheet = {
      name: sheetSpec.name,
      grid: sheetSpec.values.map((line) => line.map((v) => (v === "" ? null : v))),
      names: { items: [], load() {} },
      load() {},
      get position() {
        return sheets.indexOf(sheet);
      },
      set position(to) {
        sheets.splice(sheets.indexOf(sheet), 1);
        sheets.splice(to, 0, sheet);
        log.push([sheet.name + ".position", to]);
      },
      delete() {
        sheets.splice(sheets.indexOf(sheet), 1);
        log.push([sheet.name + ".delete()", []]);
      },
      activate() {},
      getRangeByIndexes: (r, c, rows, columns) => makeRange(sheet, r, c, rows, columns),
      getRange(address) {
        const [from, to] = address.replace(/\$/g, "").split(":");
        const [r1, c1] = parseCell(from);
        const [r2, c2] = to ? parseCell(to) : [r1, c1];
        return makeRange(sheet, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
      },
      getUsedRangeOrNullObject() {
        let rows = 0;
        let columns = 0;
        sheet.grid.forEach((line, r) =>
          line.forEach((v, c) => {
            if (v !== null && v !== undefined && v !== "") {
              rows = Math.max(rows, r + 1);
              columns = Math.max(columns, c + 1);
            }
          }),
        );
        if (rows === 0) return { isNullObject: true, load() {} };
        return makeRange(sheet, 0, 0, rows, columns);
      },
    };
    sheet.freezePanes = recorder(sheet.name + ".freezePanes", log);
    sheet.charts = recorder(sheet.name + ".charts", log);
    return sheet;
  }

  for (const sheetSpec of spec.sheets) sheets.push(makeSheet(sheetSpec));
  const names = {
    items: (spec.names || []).map((n) => ({
      name: n.name,
      type: "Range",
      getRangeOrNullObject: () => ({ isNullObject: false, address: n.address, load() {} }),
    })),
    load() {},
  };
  const context = {
    workbook: { name: spec.name || "Map1.xlsx", load() {}, worksheets: worksheets, names: names },
    sync: async () => {},
  };
  return { context, sheets };
}

async function pressButton(job) {
  const log = [];
  const { context, sheets } = makeWorkbook(job.workbook, log);
  press = { context, user: job.user || [], dialogs: [], posts: [], events: [], completed: 0 };
  window.location.href = job.url;
  const action = associated[job.button];
  if (!action) return { error: "not associated: " + job.button, associated: Object.keys(associated) };
  const clicked = action({
    completed: () => {
      press.completed += 1;
      press.events.push("completed");
    },
  });
  // A second click while the first still runs (job.twice): it must complete at once.
  const again = job.twice
    ? action({
        completed: () => {
          press.completed += 1;
          press.events.push("completed (second click)");
        },
      })
    : null;
  await Promise.all([clicked, again]);
  const done = press;
  press = null;
  return {
    associated: Object.keys(associated),
    completed: done.completed,
    events: done.events,
    dialogs: done.dialogs,
    posts: done.posts,
    sheets: sheets.map((s) => ({ name: s.name, values: s.grid })),
    log: log.map(([where, value]) => [where, typeof value === "function" ? "<excel object>" : value]),
  };
}

// A task pane (regio.html): its real scripts on a stand-in document, the same Office and
// Excel as a press, and a "user" picking files and clicking.
async function openPane(job) {
  const log = [];
  const { context, sheets } = makeWorkbook(job.workbook, log);
  press = { context, user: job.user || [], dialogs: [], posts: [], events: [], completed: 0 };
  const address = new URL(job.url);
  const html = fs.readFileSync(path.join(STATIC, path.basename(address.pathname)), "utf8");
  const doc = pageDocument(html);
  // The pane's uvp.js associates the ribbon's functions too; those stay the press's own.
  const office = Object.assign(Object.create(globalThis.Office), { actions: { associate() {} } });
  const sandbox = {
    window: { location: { search: address.search, href: job.url } },
    document: doc,
    Office: office,
    Excel: globalThis.Excel,
    fetch: globalThis.fetch,
    URL,
    URLSearchParams,
    AbortController,
    setTimeout,
    clearTimeout,
    btoa,
    console,
  };
  vm.createContext(sandbox);
  for (const match of html.matchAll(/<script src="([^":]+)"><\/script>/g)) {
    const file = match[1];
    vm.runInContext(fs.readFileSync(path.join(STATIC, file), "utf8"), sandbox, { filename: file });
  }
  for (const listener of doc.loaded) listener();
  for (const step of job.steps || []) {
    if (step.files) {
      for (const [id, picked] of Object.entries(step.files)) {
        doc.elements[id].files = picked.map(
          (file) =>
            new File(
              [file.zeros === undefined ? Buffer.from(file.base64, "base64") : Buffer.alloc(file.zeros)],
              file.name,
            ),
        );
      }
    } else if (step.click) {
      await doc.elements[step.click].fire("click", {});
    }
  }
  const done = press;
  press = null;
  return {
    events: done.events,
    dialogs: done.dialogs,
    posts: done.posts,
    sheets: sheets.map((s) => ({ name: s.name, values: s.grid })),
    log: log.map(([where, value]) => [where, typeof value === "function" ? "<excel object>" : value]),
    status: doc.elements["uvp-status"] ? doc.elements["uvp-status"].textContent : null,
    disabled: Object.keys(doc.elements).filter((id) => doc.elements[id].disabled),
  };
}

async function run(job) {
  const log = [];
  if (job.press) return pressButton(job.press);
  if (job.pane) return openPane(job.pane);
  if (job.collect) {
    const { context } = makeWorkbook(job.collect, log);
    return { payload: await client.collectPayload(context) };
  }
  const { context, sheets } = makeWorkbook(job.apply, log);
  try {
    const alerts = await client.applyActions(context, job.apply.actions);
    const shown = log.map(([where, value]) => [
      where,
      typeof value === "function" ? "<excel object>" : value,
    ]);
    return {
      alerts: alerts,
      log: shown,
      sheets: sheets.map((s) => ({ name: s.name, values: s.grid })),
    };
  } catch (error) {
    return { error: String(error && error.stack ? error.stack : error) };
  }
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const results = [];
  for (const job of JSON.parse(input)) results.push(await run(job));
  process.stdout.write(JSON.stringify(results));
});
