"""Translations: the explicit gettext API (``_``, ``N_``, ``ngettext``) and the active language.

Messages are written in English in the code; the Dutch catalogue lives in
``translations/nl/LC_MESSAGES/vastgoedcheck.po``. Dutch is the default language.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import io
import locale
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from vastgoedcheck.paths import translations_dir

DOMAIN = "vastgoedcheck"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_active: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_cache: dict[str, gettext.NullTranslations] = {}
# A language used by one thread for a while (a report in another language than the UI's).
_scoped: contextvars.ContextVar[tuple[str, gettext.NullTranslations] | None] = (
    contextvars.ContextVar("vastgoedcheck_language", default=None)
)


def language_from_tags(tags: Iterable[str]) -> str | None:
    """The first of our languages in ``tags`` (locale names such as "en_GB", "nl-NL",
    "English_United Kingdom"), or None when they name none of ours or no language at all."""
    for tag in tags:
        first = tag.split(":")[0].strip().lower()
        if not first or first in ("c", "posix") or first.startswith(("c.", "utf-8", "utf8")):
            continue
        if first.startswith(("en", "english")):
            return "en"
        if first.startswith(("nl", "dutch")):
            return "nl"
    return None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment names (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): English when
    it is English, otherwise Dutch; None when it names none ("C", unset)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        first = env.get(name, "").split(":")[0].strip().lower()
        if not first or first in ("c", "posix") or first.startswith("c."):
            continue
        return "en" if first.startswith(("en", "english")) else DEFAULT_LANGUAGE
    return None


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for: English when its locale is English, otherwise Dutch.
    (The desktop app asks Qt for the system's preferred languages instead; see ui.app.)"""
    named = language_from_environment(environ)
    if named is not None:
        return named
    if environ is None and sys.platform in ("win32", "darwin"):
        # Desktop sessions there often set no LANG; the user's locale setting decides. Not on
        # POSIX: Python maps the plain "C.UTF-8" locale to en_US there.
        with contextlib.suppress(ValueError):
            found = (locale.getlocale()[0] or "").strip().lower()
            if found and found not in ("c", "posix") and not found.startswith("c."):
                return "en" if found.startswith(("en", "english")) else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def _catalogue_paths(language: str) -> tuple[Path, Path]:
    folder = translations_dir() / language / "LC_MESSAGES"
    return folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"


def _load(language: str) -> gettext.NullTranslations:
    """The compiled catalogue; compiled from the ``.po`` in memory when no fresh ``.mo`` exists."""
    if language == "en":
        return gettext.NullTranslations()
    mo_path, po_path = _catalogue_paths(language)
    po_newer = po_path.exists() and (
        not mo_path.exists() or po_path.stat().st_mtime > mo_path.stat().st_mtime
    )
    if mo_path.exists() and not po_newer:
        with mo_path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_path.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def _catalogue(language: str) -> gettext.NullTranslations:
    if language not in _cache:
        _cache[language] = _load(language)
    return _cache[language]


def set_language(language: str | None) -> str:
    """Switch the active language (``nl`` or ``en``; None: follow the system) and return it."""
    global _active, _language
    chosen = language if language in LANGUAGES else detect_language()
    _active, _language = _catalogue(chosen), chosen
    return chosen


@contextlib.contextmanager
def language_scope(language: str) -> Iterator[None]:
    """Use ``language`` in this thread only, e.g. to write a report in another language than
    the one the UI speaks; the rest of the program keeps its language."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    token = _scoped.set((language, _catalogue(language)))
    try:
        yield
    finally:
        _scoped.reset(token)


def current_language() -> str:
    scoped = _scoped.get()
    return _language if scoped is None else scoped[0]


def _translations() -> gettext.NullTranslations:
    scoped = _scoped.get()
    return _active if scoped is None else scoped[1]


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _translations().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations().ngettext(singular, plural, count)
