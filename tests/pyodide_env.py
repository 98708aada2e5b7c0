"""Real Pyodide for the tests: the runtime of xlwings Lite, from npm, with uvp's dependencies
resolved as micropip resolves them.

``python -m tests.pyodide_env`` (run by ``.ci/run`` before the suite) prepares every
version in :data:`VERSIONS`; ``tests/test_pyodide.py`` calls :func:`prepare` itself too,
so a developer with Node and npm needs no extra step. Everything downloaded goes under
``.cache/`` (ignored by git) and is reused:

- ``.cache/pyodide-<version>/node_modules/pyodide``: the ``pyodide`` package from npm
  (the interpreter and its standard library; not its packages' wheels, which Pyodide
  would fetch from its CDN);
- ``.cache/wheels/``: pure-Python wheels (``py3-none-any``) from PyPI, by ``pip
  download --only-binary=:all: --platform any``;
- ``.cache/pyodide-<version>/uvp-lock.json`` and ``packages/``: Pyodide's lock file with
  the packages uvp needs from it (micropip, attrs, rich, ...) pointed at the same
  versions' pure wheels from PyPI instead of Pyodide's CDN, which is out of reach here;
- ``.cache/pyodide-<version>/index.json``: the wheels for everything else, which the
  tests serve to micropip as a package index.

The resolution follows micropip: a requirement whose marker is false on Emscripten
is dropped; one that Pyodide's lock file has in a fitting version comes from Pyodide;
anything else needs a pure-Python wheel. A requirement without one is left out of the
index, so that micropip, not this module, says so in the test.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from email.parser import HeaderParser
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache"
WHEELS = CACHE / "wheels"

#: The Pyodide versions the Lite test runs on: the one xlwings Lite names (its changelog,
#: release 1.0.0.0-12: "Upgraded to Pyodide 0.27.5"), and the newest on npm.
VERSIONS = ("0.27.5", "314.0.8")


# -- markers ------------------------------------------------------------------------------


def marker_environment(python: str, platform: str) -> dict[str, str]:
    """The PEP 508 marker values inside Pyodide of *python* (``"3.12.7"``) on *platform*
    (the lock file's ``"emscripten_3_1_58"``), as ``packaging.markers`` takes them."""
    emscripten = platform.removeprefix("emscripten_").replace("_", ".")
    return {
        "implementation_name": "cpython",
        "implementation_version": python,
        "os_name": "posix",
        "platform_machine": "wasm32",
        "platform_python_implementation": "CPython",
        "platform_release": emscripten,
        "platform_system": "Emscripten",
        "platform_version": "#1",
        "python_full_version": python,
        "python_version": ".".join(python.split(".")[:2]),
        "sys_platform": "emscripten",
    }


#: Pyodide 0.27.5's values: what the offline test evaluates markers with.
EMSCRIPTEN = marker_environment("3.12.7", "emscripten_3_1_58")


def applies(
    requirement: Requirement, environment: Mapping[str, str], extras: Iterable[str]
) -> bool:
    """Whether *requirement* is wanted in *environment*, for a package asked with *extras*."""
    if requirement.marker is None:
        return True
    return any(
        requirement.marker.evaluate({**environment, "extra": extra}) for extra in {"", *extras}
    )


def requirements_of(wheel: Path) -> list[Requirement]:
    """The ``Requires-Dist`` of a wheel's METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
    return [Requirement(line) for line in headers.get_all("Requires-Dist") or []]


def requires_python(wheel: Path) -> SpecifierSet:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
    return SpecifierSet(headers.get("Requires-Python") or "")


def is_pure(filename: str) -> bool:
    """A wheel for any platform and any Python 3 (``py3-none-any``, ``py2.py3-none-any``)."""
    _, _, _, tags = parse_wheel_filename(filename)
    return all(
        tag.abi == "none" and tag.platform == "any" and tag.interpreter.startswith("py")
        for tag in tags
    )


# -- building uvp ---------------------------------------------------------------------------


def build_uvp_wheel(destination: Path) -> Path:
    """The uvp wheel, built from the working tree without network (hatchling is a test
    dependency)."""
    destination.mkdir(parents=True, exist_ok=True)
    for old in destination.glob("uvp-*.whl"):
        old.unlink()
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--wheel-dir", str(destination), str(ROOT)),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = destination.glob("uvp-*.whl")
    return wheel


# -- Pyodide from npm ------------------------------------------------------------------------


def npm_install(version: str) -> Path:
    """``pyodide@version`` from npm under ``.cache/``; its folder (with pyodide.mjs)."""
    prefix = CACHE / f"pyodide-{version}"
    dist = prefix / "node_modules" / "pyodide"
    if not (dist / "pyodide-lock.json").is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is not installed")
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                *(npm, "install", "--no-audit", "--no-fund", "--loglevel=error"),
                *("--prefix", str(prefix), f"pyodide@{version}"),
            ],
            check=True,
            capture_output=True,
        )
    installed = json.loads((dist / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != version:
        raise RuntimeError(f"npm installed pyodide {installed}, not {version}")
    return dist


# -- wheels ---------------------------------------------------------------------------------


def _pool(name: str, specifier: SpecifierSet, python: str) -> Path | None:
    """The newest pure wheel already downloaded for *name* that fits."""
    best: tuple[Version, Path] | None = None
    for wheel in WHEELS.glob("*.whl"):
        wheel_name, version, _, _ = parse_wheel_filename(wheel.name)
        if wheel_name != name or not is_pure(wheel.name):
            continue
        if not specifier.contains(version, prereleases=True):
            continue
        if not requires_python(wheel).contains(python, prereleases=True):
            continue
        if best is None or version > best[0]:
            best = (version, wheel)
    return best[1] if best else None


def pure_wheel(name: str, specifier: SpecifierSet, python: str) -> Path | None:
    """A pure-Python wheel of *name* for *python*: from ``.cache/wheels`` or PyPI, or None
    when PyPI has none (only platform wheels, or only a source archive)."""
    found = _pool(name, specifier, python)
    if found is not None:
        return found
    WHEELS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"),
            *(
                "--only-binary=:all:",
                "--platform",
                "any",
                "--implementation",
                "py",
                "--abi",
                "none",
            ),
            *("--python-version", python, "--dest", str(WHEELS), f"{name}{specifier}"),
        ],
        check=False,
        capture_output=True,
    )
    return _pool(name, specifier, python)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- one Pyodide version, ready ------------------------------------------------------------


@dataclass
class Pyodide:
    """One prepared Pyodide: where it is, and what micropip will find."""

    version: str
    dist: Path
    lock: Path
    packages: Path
    python: str
    environment: dict[str, str]
    #: name -> wheel file, for what micropip takes from the index
    index: dict[str, Path] = field(default_factory=dict)
    #: name -> version, for what micropip takes from Pyodide's lock file
    from_lock: dict[str, str] = field(default_factory=dict)
    #: name -> why it has no wheel micropip could install
    unavailable: dict[str, str] = field(default_factory=dict)


def prepare(version: str, wheel: Path, extra: Iterable[str] = ()) -> Pyodide:
    """Pyodide *version* from npm, and the wheels micropip needs to install *wheel* (and
    the requirements *extra*, such as the xlwings that xlwings Lite brings)."""
    dist = npm_install(version)
    lock_data = json.loads((dist / "pyodide-lock.json").read_text(encoding="utf-8"))
    info = lock_data["info"]
    python = info["python"]
    environment = marker_environment(python, info["platform"])
    packages: dict[str, dict[str, object]] = {
        canonicalize_name(name): entry for name, entry in lock_data["packages"].items()
    }
    home = CACHE / f"pyodide-{version}"
    pyodide = Pyodide(
        version=version,
        dist=dist,
        lock=home / "uvp-lock.json",
        packages=home / "packages",
        python=python,
        environment=environment,
    )

    # micropip itself comes from the lock file (pyodide.loadPackage("micropip")).
    queue: list[tuple[Requirement, frozenset[str]]] = [(Requirement("micropip"), frozenset())]
    queue += [(r, frozenset()) for r in requirements_of(wheel)]
    queue += [(Requirement(r), frozenset()) for r in extra]
    seen: set[tuple[str, str, frozenset[str]]] = set()
    while queue:
        requirement, asked_with = queue.pop(0)
        if not applies(requirement, environment, asked_with):
            continue
        name = canonicalize_name(requirement.name)
        key = (name, str(requirement.specifier), frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        entry = packages.get(name)
        if entry is not None and requirement.specifier.contains(
            str(entry["version"]), prereleases=True
        ):
            pyodide.from_lock[name] = str(entry["version"])
            depends = entry.get("depends") or []
            assert isinstance(depends, list)
            queue += [(Requirement(str(d)), frozenset()) for d in depends]
            continue
        found = pure_wheel(name, requirement.specifier, python)
        if found is None:
            pyodide.unavailable[name] = f"no pure-Python wheel of {requirement} on PyPI"
            continue
        pyodide.index[name] = found
        queue += [(r, frozenset(requirement.extras)) for r in requirements_of(found)]

    # Pyodide's own packages: the same version's pure wheel from PyPI, where it has one.
    pyodide.packages.mkdir(parents=True, exist_ok=True)
    for name, version_text in pyodide.from_lock.items():
        entry = packages[name]
        found = pure_wheel(name, SpecifierSet(f"=={version_text}"), python)
        if found is None:
            pyodide.unavailable[name] = (
                f"{name} {version_text} is a compiled package of Pyodide, not on PyPI as a "
                "pure wheel: the tests cannot fetch it"
            )
            continue
        target = pyodide.packages / found.name
        if not target.exists():
            shutil.copyfile(found, target)
        entry["file_name"] = found.name
        entry["sha256"] = _sha256(found)
    pyodide.lock.write_text(json.dumps(lock_data), encoding="utf-8")
    return pyodide


def simple_index(pyodide: Pyodide, name: str, base: str) -> dict[str, object] | None:
    """The PEP 691 page of *name* for micropip, its files under *base* (or None).

    A package PyPI has no pure wheel of gets a page without files, as if it listed
    only wheels for other platforms: micropip then says what it says in Excel.
    """
    canonical = canonicalize_name(name)
    if canonical in pyodide.unavailable:
        return {"meta": {"api-version": "1.0"}, "name": canonical, "files": []}
    wheel = pyodide.index.get(canonical)
    if wheel is None:
        return None
    return {
        "meta": {"api-version": "1.0"},
        "name": canonicalize_name(name),
        "files": [
            {
                "filename": wheel.name,
                "url": f"{base}/{wheel.name}",
                "hashes": {"sha256": _sha256(wheel)},
            }
        ],
    }


# -- offline: what the installed wheels say ------------------------------------------------


def installed_closure(
    requirements: Iterable[Requirement], environment: Mapping[str, str]
) -> dict[str, str]:
    """Every package *requirements* pull in on *environment*, with how each is built as
    installed here: ``"pure"`` (a py3-none-any wheel), ``"compiled"`` (platform tags), or
    ``"not installed"``. Uses the installed distributions' metadata: no network."""
    verdicts: dict[str, str] = {}
    queue = [(r, frozenset[str]()) for r in requirements]
    while queue:
        requirement, asked_with = queue.pop(0)
        if not applies(requirement, environment, asked_with):
            continue
        name = canonicalize_name(requirement.name)
        if name in verdicts and not requirement.extras:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            verdicts[name] = "not installed"
            continue
        tags = [
            line.split(":", 1)[1].strip()
            for line in (distribution.read_text("WHEEL") or "").splitlines()
            if line.startswith("Tag:")
        ]
        pure = bool(tags) and all(re.fullmatch(r"py\d*-none-any", tag) for tag in tags)
        verdicts[name] = "pure" if pure else "compiled"
        queue += [
            (Requirement(line), frozenset(requirement.extras))
            for line in distribution.requires or []
        ]
    return verdicts


def main() -> None:
    """Prepare every version in :data:`VERSIONS` (for .ci/run, before the suite)."""
    with tempfile.TemporaryDirectory() as folder:
        wheel = build_uvp_wheel(Path(folder))
        xlwings = f"xlwings=={metadata.version('xlwings')}"
        for version in VERSIONS:
            pyodide = prepare(version, wheel, [xlwings])
            print(
                f"pyodide {version} (Python {pyodide.python}): "
                f"{len(pyodide.from_lock)} packages from its lock file, "
                f"{len(pyodide.index)} pure wheels"
                + (f", unavailable: {sorted(pyodide.unavailable)}" if pyodide.unavailable else "")
            )


if __name__ == "__main__":
    main()
