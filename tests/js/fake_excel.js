/*
 * A stand-in for Office.js' Excel object model, just enough to run the UVP
 * client (src/uvp/addin/static/uvp.js) under Node: collectPayload() on a
 * workbook given as JSON, and applyActions() on a server's answer, recording
 * every property Excel would be told to set and keeping each sheet's values.
 *
 * Reads one JSON job list on stdin, writes one JSON result list on stdout:
 *   {"collect": {"name", "active", "sheets": [{"name", "values"}], "names": [{"name", "address"}]}}
 *     -> {"payload": ...}
 *   {"apply": {"sheets": [{"name", "values"}], "actions": [...]}}
 *     -> {"alerts", "log": [[path, value], ...], "sheets": [{"name", "values"}]} or {"error"}
 */
"use strict";

const path = require("path");

globalThis.Office = {
  context: { requirements: { isSetSupported: () => true } },
  onReady: () => Promise.resolve(),
};
const client = require(path.resolve(process.argv[2]));

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

async function run(job) {
  const log = [];
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
