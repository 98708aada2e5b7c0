"""Names of a package loaded from their modules on first use (:pep:`562`).

``import uvp`` loads no model, reader or catalogue: a package lists which module
holds each of its names, and a name's module is imported the first time the name
is asked for (``uvp.Plan``, ``from uvp.core import Schedule``). Type checkers see
the same names through the package's ``if TYPE_CHECKING:`` imports; a test keeps
those and the lists here equal.

>>> import types
>>> package = types.ModuleType("example")
>>> getattr_, dir_ = attach(vars(package), {"json": ("dumps",)})
>>> getattr_("dumps")([1])
'[1]'
>>> "dumps" in vars(package), "dumps" in dir_()
(True, True)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def attach(
    namespace: dict[str, Any], exports: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__`` for *exports* (module → its names).

    A name, once loaded, is kept in the package's *namespace*: later uses cost
    nothing more.
    """
    modules = {name: module for module, names in exports.items() for name in names}
    package = namespace["__name__"]

    def load(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def names() -> list[str]:
        return sorted(set(namespace) | set(modules))

    return load, names
