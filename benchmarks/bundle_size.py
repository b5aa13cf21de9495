"""The one-folder app's size by component, for one or more built folders side by side.

    .venv/bin/python benchmarks/bundle_size.py dist/vastgoedcheck [OTHER/vastgoedcheck ...]

Sizes are the files' bytes in MB (10^6); a link to a library counts once, as the library.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

# (component, test on the path inside _internal/), first match wins
COMPONENTS: list[tuple[str, tuple[str, ...]]] = [
    ("Qt: ICU (Unicode and locale data)", ("PySide6/Qt/lib/libicu",)),
    ("Qt: libraries", ("PySide6/Qt/lib/",)),
    ("Qt: plugins", ("PySide6/Qt/plugins/",)),
    ("Qt: translations", ("PySide6/Qt/translations/",)),
    ("PySide6 and shiboken6 modules", ("PySide6/", "shiboken6/")),
    ("Babel locale data", ("babel/locale-data/",)),
    ("Python: libpython, extension modules", ("libpython", "python3.", "base_library.zip")),
    ("Pillow and its libraries", ("PIL/", "pillow.libs/")),
    ("python-stdnum", ("stdnum/",)),
    ("jsonschema, referencing, rpds", ("jsonschema", "referencing", "rpds/")),
    ("reportlab", ("reportlab/",)),
    ("the app: packs, schemas, fonts, icon, catalogue", ("resources/", "translations/")),
]
OTHER_LIBRARIES = "system libraries (X11, xcb, fontconfig, glib, dbus, OpenSSL, ...)"
PROGRAMS = "the two programs, each with all Python code (PYZ)"


def component(relative: str) -> str:
    if "/" not in relative and not relative.startswith("_internal"):
        return PROGRAMS
    inner = relative.removeprefix("_internal/")
    for name, prefixes in COMPONENTS:
        if inner.startswith(prefixes):
            return name
    if ".so" in inner or inner.endswith((".dll", ".dylib")):
        return OTHER_LIBRARIES
    return "other"


def sizes(folder: Path) -> Counter[str]:
    found: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            found[component(path.relative_to(folder).as_posix())] += path.stat().st_size
    return found


def main(folders: list[Path]) -> None:
    measured = [sizes(folder) for folder in folders]
    names = [name for name, _ in COMPONENTS] + [OTHER_LIBRARIES, PROGRAMS, "other"]
    width = max(len(name) for name in names)
    print(f"{'MB':<{width}}  " + "  ".join(f"{str(f)[-24:]:>24}" for f in folders))
    for name in names:
        if any(m[name] for m in measured):
            print(f"{name:<{width}}  " + "  ".join(f"{m[name] / 1e6:>24.1f}" for m in measured))
    print(f"{'total':<{width}}  " + "  ".join(f"{sum(m.values()) / 1e6:>24.1f}" for m in measured))


if __name__ == "__main__":
    main([Path(argument) for argument in sys.argv[1:]] or [Path("dist/vastgoedcheck")])
