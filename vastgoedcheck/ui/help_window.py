"""The help pages bundled with the app (the user guide, where to report), shown in a window of
their own in the app's language: they work without a network and in the installed app."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from vastgoedcheck.i18n import DEFAULT_LANGUAGE, _, current_language
from vastgoedcheck.paths import resources_dir
from vastgoedcheck.ui.failure_dialogs import readable_width

USER_GUIDE = "user-guide"
REPORTING_CHANNELS = "reporting-channels"


def help_text(page: str, language: str) -> str:
    """The Markdown of a help page in ``language`` (Dutch when there is none in it)."""
    folder = resources_dir() / "help"
    path = folder / f"{page}.{language}.md"
    if not path.is_file():
        path = folder / f"{page}.{DEFAULT_LANGUAGE}.md"
    return path.read_text(encoding="utf-8")


def page_title(page: str) -> str:
    return _("User guide") if page == USER_GUIDE else _("Where to report")


class HelpWindow(QDialog):
    """One help page, readable beside the app (not modal); its web links open in the
    system's browser."""

    def __init__(self, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("helpWindow")
        self.setWindowTitle(f"{page_title(page)} — vastgoedcheck")
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(page_title(page))
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(help_text(page, current_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(readable_width(self, 110), 640)
        self.browser.setFocus()

    def text(self) -> str:
        """What the window shows, as plain text."""
        return self.browser.toPlainText()
