"""What goes into the one-folder bundle: modules loaded by name, and what the app never loads."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Packages whose modules are imported by name at run time, so that PyInstaller's analysis of
# the import statements cannot see them; every submodule is declared:
# - vastgoedcheck: the command modules, the desktop app and its pages are imported lazily;
# - reportlab.graphics.barcode: its widgets module imports code128, qr, ... by name;
# - stdnum: iban.validate() imports the country's rules (stdnum.nl.iban, stdnum.be.iban, ...)
#   by name for an IBAN from any country.
# Other libraries are covered by hooks that PyInstaller or pyinstaller-hooks-contrib ship:
# Babel (locale data), PIL (image plugins), jsonschema and jsonschema_specifications (the
# metaschemas; the app uses no format checker, so none of its optional checkers is needed),
# python-stdnum (its data files), reportlab.pdfbase (font metrics), PySide6 (Qt plugins).
# pikepdf (PDF/A post-processing of reports) and PIL.ImageCms (the sRGB profile it embeds) are
# imported plainly and found by the analysis.
PACKAGES_LOADED_BY_NAME = ("vastgoedcheck", "reportlab.graphics.barcode", "stdnum")

# Modules the analysis finds behind optional imports but the app never uses.
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "pytest",
    "setuptools",
    "pkg_resources",  # stdnum falls back to it only without importlib.resources
    "numpy",  # PIL's type hints
    "charset_normalizer",
    "PIL.ImageQt",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "PIL._avif",  # AVIF photos are not accepted as evidence; libavif alone is 4.7 MB
    "PIL.AvifImagePlugin",
    "reportlab.graphics.testshapes",
    "jsonschema.tests",
    "jsonschema.benchmarks",
    "referencing.tests",
    "readline",  # pdb's line editing; pdb comes along with pydoc, which stdnum imports
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtDBus",
)

# Qt's own catalogues for the two languages of the app (standard buttons, file dialogs).
QT_TRANSLATIONS = frozenset({"qtbase_nl.qm", "qtbase_en.qm"})

# Babel's locale data for the two locales the app formats in (nl_NL, en_GB) and their parents
# (en_GB inherits from en_001, everything from root); 0.1 MB instead of 34 MB.
BABEL_LOCALES = frozenset({"nl_NL", "nl", "en_GB", "en_001", "en", "root"})

# python-stdnum's data files that IBAN validation reads; the others (MAC address vendors,
# Chinese regions, ISBN ranges, ...) serve numbers the app never checks.
STDNUM_DATA = ("iban.dat", "banks.dat")

# Qt plugins by folder: None keeps the whole folder, a set keeps those file name stems only.
# Widgets are drawn in software; nothing uses OpenGL, the network, TLS or touch input.
QT_PLUGINS: dict[str, frozenset[str] | None] = {
    # by name without "lib" and suffix: libqxcb.so (Linux), qwindows.dll, libqcocoa.dylib
    "platforms": frozenset(
        {
            "qxcb",  # X11 (and XWayland)
            "qwayland",  # Wayland sessions (GNOME, KDE)
            "qwindows",
            "qcocoa",
            "qoffscreen",  # no display: the bundle's own smoke test
            "qminimal",
        }
    ),
    "platformthemes": frozenset({"qxdgdesktopportal"}),  # the desktop's own file dialogs
    "platforminputcontexts": None,  # compose key and input methods: typing names like Çelik
    # attachment previews of the photo types the app accepts (BMP and PNG are built in)
    "imageformats": frozenset({"qjpeg", "qgif", "qtiff", "qwebp", "qico", "qsvg"}),
    "iconengines": None,  # the desktop's icon theme (SVG) in file dialogs
    "styles": None,  # the native look on Windows and macOS
    "printsupport": None,  # printing the recovery key on Linux (CUPS); built in elsewhere
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": None,  # window title bars on GNOME under Wayland
}


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def keep_data(dest: str) -> bool:
    """False for a data file the app never reads: Babel's locale data and Qt's catalogues for
    other languages, python-stdnum's data for other numbers, the tests of a library."""
    parts = _parts(dest)
    name = parts[-1]
    if parts[:2] == ("babel", "locale-data"):
        return name.removesuffix(".dat") in BABEL_LOCALES
    if parts[0] == "stdnum" and name.endswith(".dat"):
        return name in STDNUM_DATA
    if len(parts) >= 3 and parts[0] == "PySide6" and "translations" in parts[1:-1]:
        return name in QT_TRANSLATIONS
    return "tests" not in parts[:-1]


def keep_qt_plugin(dest: str) -> bool:
    """False for a Qt plugin the app never loads (True for anything that is not a plugin)."""
    parts = _parts(dest)
    if "plugins" not in parts[:-2] or parts[0] != "PySide6":
        return True
    folder, name = parts[-2], parts[-1]
    if folder not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[folder]
    return wanted is None or name.split(".")[0].removeprefix("lib") in wanted


_SYSTEM_PYTHON_BINARY = re.compile(r"(^|/)(libpython[\d.]+\.so[.\d]*|lib-dynload/[^/]+\.so)$")


def has_python_debug_info(src: str) -> bool:
    """Python's own shared libraries, which a self-built Python (pyenv) leaves unstripped."""
    return bool(_SYSTEM_PYTHON_BINARY.search(src.replace("\\", "/")))


Entry = tuple[str, str, str]


def needed_binaries(
    binaries: Iterable[Entry],
    imports_of: Callable[[str], Iterable[str]],
) -> list[Entry]:
    """The binaries that something the app loads needs: the Python extension modules, the Qt
    plugins that are kept and libpython, with every library these link to (``imports_of``
    gives the resolved paths of a binary's libraries). Libraries that only a left-out plugin
    needed (EGL, GTK, the network) fall away."""
    entries = list(binaries)
    by_source = {_normal(entry[1]): entry for entry in entries}
    roots = [
        entry
        for entry in entries
        if entry[2] == "EXTENSION"
        or "/plugins/" in entry[0].replace("\\", "/")
        or PurePosixPath(entry[0]).name.startswith(("libpython", "python3"))
    ]
    wanted: dict[str, Entry] = {_normal(entry[1]): entry for entry in roots}
    todo = list(wanted)
    while todo:
        source = todo.pop()
        for dependency in imports_of(source):
            key = _normal(dependency)
            if key in by_source and key not in wanted:
                wanted[key] = by_source[key]
                todo.append(key)
    kept = set(wanted.values())
    return [entry for entry in entries if entry in kept]


def _normal(path: str) -> str:
    return os.path.realpath(path)
