/*
 * Runs uvp in real Pyodide under Node, as xlwings Lite runs it in Excel: boots the
 * Pyodide of tests/pyodide_env.py, installs the uvp wheel with micropip (its own
 * defaults: Pyodide's lock file first, then PyPI's simple index), copies files into
 * Pyodide's in-memory file system, runs a Python script and prints what it wrote.
 *
 * PyPI is out of reach here: its addresses are answered by the tests' mirror, which
 * holds only pure-Python wheels (tests/pyodide_env.py). Any other address fails, as
 * does a package Pyodide would fetch from its CDN.
 *
 *   node pyodide_lite.mjs job.json
 *   job: {"dist", "lock", "packages", "local", "mirror", "install": [...], "files": {host: pyodide},
 *         "script": host path, "result": pyodide path}
 * stdout: the result file's text; stderr: Pyodide's output, then "uvp-install: ..." and
 * "uvp-error: ..." lines for what failed (exit 1).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));

const realFetch = globalThis.fetch;
globalThis.fetch = (resource, init) => {
  let url = typeof resource === "string" ? resource : resource.url || String(resource);
  if (url.startsWith("https://pypi.org/simple/")) {
    url = job.mirror + "/simple/" + url.slice("https://pypi.org/simple/".length);
  } else if (url.startsWith("https://files.pythonhosted.org/packages/")) {
    url = job.mirror + "/wheels/" + url.split("/").pop();
  } else if (!url.startsWith(job.local)) {
    return Promise.reject(new TypeError("no network in the tests: " + url));
  }
  return realFetch(url, init);
};

const { loadPyodide } = await import(pathToFileURL(job.dist + "/pyodide.mjs").href);
const say = (text) => process.stderr.write(text + "\n");
const pyodide = await loadPyodide({
  indexURL: job.dist + "/",
  lockFileURL: job.lock,
  packageCacheDir: job.packages + "/",
  stdout: say,
  stderr: say,
});

try {
  await pyodide.loadPackage("micropip", { messageCallback: () => {}, errorCallback: say });
  const micropip = pyodide.pyimport("micropip");
  await micropip.install(job.install);
} catch (error) {
  say("uvp-install: " + String(error && error.message ? error.message : error));
  process.exit(1);
}

for (const [host, inside] of Object.entries(job.files)) {
  pyodide.FS.mkdirTree(inside.slice(0, inside.lastIndexOf("/")) || "/");
  pyodide.FS.writeFile(inside, readFileSync(host));
}
try {
  await pyodide.runPythonAsync(readFileSync(job.script, "utf8"), { filename: job.script });
} catch (error) {
  say("uvp-error: " + String(error && error.message ? error.message : error));
  process.exit(1);
}
process.stdout.write(pyodide.FS.readFile(job.result, { encoding: "utf8" }));
