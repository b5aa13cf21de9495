"""The recovery key, shown once, in large groups, with Print…, Copy and a tick that it is kept."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck import APP_NAME
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.ui.text_label import text_label


def key_font(point_size: int = 20) -> QFont:
    """A monospaced font, so that every group lines up and 0 and O look different."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


def key_lines(recovery_key: str) -> list[str]:
    """The key's eight groups as two lines of four, as it is shown and printed."""
    groups = recovery_key.split("-")
    return ["  ".join(groups[:4]), "  ".join(groups[4:])]


def sheet_html(folder: Path, recovery_key: str, today: dt.date) -> str:
    """The printed sheet: what it is, for which folder, made when, the key, what to do with it."""
    lines = "<br>".join(  # the groups apart as on screen (HTML would join their spaces)
        html.escape(line).replace(" ", "&nbsp;") for line in key_lines(recovery_key)
    )
    paragraphs = [
        _(
            "With this recovery key you can set a new passphrase for the data folder named "
            "above when the passphrase is forgotten. Without the passphrase and without this key "
            "nobody can read the checks in that folder, your office included."
        ),
        _(
            "Keep this sheet apart from the computer, in a locked place (a safe or a locked "
            "filing cabinet). Whoever has this key and a copy of the data folder can read the "
            "checks."
        ),
        _(
            "When you make a new recovery key in the app, this one stops working: destroy "
            "this sheet then."
        ),
    ]
    title = html.escape(_("{app}: recovery key").format(app=APP_NAME))
    folder_label, made_label = html.escape(_("Data folder:")), html.escape(_("Made on:"))
    return (
        f"<h1>{title}</h1>"
        f"<p><b>{folder_label}</b> {html.escape(str(folder))}<br>"
        f"<b>{made_label}</b> {html.escape(format_date(today))}</p>"
        f'<p style="font-family: monospace; font-size: 22pt; font-weight: bold;">{lines}</p>'
        + "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    )


def print_sheet(printer: object, folder: Path, recovery_key: str, today: dt.date) -> None:
    """Print the one-page sheet on ``printer`` (a QPrinter; a PDF printer in the tests)."""
    document = QTextDocument()
    document.setHtml(sheet_html(folder, recovery_key, today))
    document.print_(printer)  # type: ignore[arg-type]


class RecoveryKeyPanel(QWidget):
    """The key in large monospaced groups, Print… and Copy, and the tick without which the user
    cannot go on: ``kept`` says whether it is ticked."""

    def __init__(self, folder: Path, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.recovery_key = recovery_key
        self.setObjectName("recoveryKeyPanel")
        intro = text_label(
            _(
                "This is the recovery key of your data folder. It is shown only now. With it "
                "you can set a new passphrase when you forget yours; without the passphrase and "
                "without this key nobody can read the checks, your office included."
            ),
            "recoveryKeyIntro",
        )
        advice = text_label(
            _(
                "Print it or write it down, and keep it apart from this computer, in a locked "
                "place. Do not save it in a file on this computer."
            ),
            "recoveryKeyAdvice",
        )
        font = QFont(advice.font())
        font.setBold(True)
        advice.setFont(font)
        self.key_label = QLabel("\n".join(key_lines(recovery_key)))
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setFont(key_font())
        lines = self.key_label.fontMetrics().lineSpacing()
        self.key_label.setMinimumHeight(2 * lines + lines // 2)  # both lines, never clipped
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(_("Recovery key"))
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setObjectName("printRecoveryKey")
        self.print_button.clicked.connect(self.print_key)
        self.copy_button = QPushButton(_("&Copy"))
        self.copy_button.setObjectName("copyRecoveryKey")
        self.copy_button.clicked.connect(self.copy_key)
        self.copied = text_label("", "recoveryKeyCopied")
        self.copied.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        spacing = self.copied.fontMetrics().lineSpacing()
        self.copied.setMinimumHeight(2 * spacing + spacing // 2)  # its room: nothing moves
        self.kept = QCheckBox(_("I have printed or &written down the recovery key"))
        self.kept.setObjectName("recoveryKeyKept")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.key_label)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.copied)
        layout.addWidget(advice)
        layout.addWidget(self.kept)

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import (  # only when printing
            QAbstractPrintDialog,
            QPrintDialog,
            QPrinter,
        )

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the recovery key"))
        # On paper, not in a PDF on this computer beside the data folder it opens.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_sheet(printer, self.folder, self.recovery_key, dt.date.today())

    def copy_key(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.recovery_key)
        self.copied.setText(
            _(
                "Copied. Paste it where you keep it safe, then copy something else, so that it "
                "does not stay on the clipboard."
            )
        )


class RecoveryKeyDialog(QDialog):
    """A new recovery key, shown once; Continue only once the user ticked that it is kept."""

    def __init__(self, folder: Path, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(_("Your recovery key"))
        self.panel = RecoveryKeyPanel(folder, recovery_key)
        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(
            _("C&ontinue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setEnabled(False)
        self.panel.kept.toggled.connect(self.continue_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def reject(self) -> None:
        """Escape does not close it: the key would be gone before it was kept."""
        if self.panel.kept.isChecked():
            self.accept()
