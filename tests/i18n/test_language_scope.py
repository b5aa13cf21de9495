"""A report in another language than the app's: the scope changes one thread only."""

from __future__ import annotations

import threading

from vastgoedcheck.i18n import _, current_language, language_scope, set_language


def test_a_scoped_language_applies_to_its_own_thread_only() -> None:
    set_language("en")
    seen: dict[str, str] = {}
    inside = threading.Event()
    release = threading.Event()

    def write_dutch_report() -> None:
        with language_scope("nl"):
            seen["worker"] = _("Confidential")
            inside.set()
            release.wait(5)
        seen["worker after"] = _("Confidential")

    worker = threading.Thread(target=write_dutch_report)
    worker.start()
    inside.wait(5)
    seen["ui"] = _("Confidential")  # the app keeps speaking English meanwhile
    release.set()
    worker.join(5)
    assert seen == {"worker": "Vertrouwelijk", "ui": "Confidential", "worker after": "Confidential"}
    assert current_language() == "en"
