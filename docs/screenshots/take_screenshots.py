"""Take the README's screenshots of the desktop app, in Dutch and English.

Run it on a virtual screen, from the repository root:

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take_screenshots.py

It fills a temporary data folder with the documented example checks, opens the app's own
windows on it and saves PNG files next to this script (overview, editor, review, report
dialog; ``-nl`` and ``-en``). Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from vastgoedcheck.domain.check import Decision  # noqa: E402
from vastgoedcheck.i18n import set_language  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.reports.profiles import Recipient  # noqa: E402
from vastgoedcheck.storage.store import Store  # noqa: E402
from vastgoedcheck.ui.app import application, install_qt_language  # noqa: E402
from vastgoedcheck.ui.main_window import MainWindow  # noqa: E402
from vastgoedcheck.ui.preferences import CONFIG_DIR_VARIABLE, Preferences  # noqa: E402

HERE = Path(__file__).resolve().parent
EXAMPLES = ROOT / "docs" / "examples"
WINDOW_SIZE = (1280, 800)


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    target = HERE / name
    widget.grab().save(str(target))
    print(f"wrote {target.relative_to(ROOT)}")


def photo(path: Path) -> Path:
    """A stand-in photo of a shed door, drawn here (no third-party image is needed)."""
    image = QImage(1200, 900, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    sky = QLinearGradient(QPointF(0, 0), QPointF(0, 900))
    sky.setColorAt(0, QColor("#9fb8cf"))
    sky.setColorAt(1, QColor("#e3e8ec"))
    painter.fillRect(image.rect(), sky)
    painter.fillRect(QRectF(150, 250, 900, 650), QColor("#7a5a3a"))
    painter.fillRect(QRectF(450, 450, 300, 450), QColor("#4b3521"))
    painter.fillRect(QRectF(220, 330, 160, 110), QColor("#1d1d1d"))
    painter.setPen(QColor("#ffffff"))
    font = QFont()
    font.setPixelSize(48)
    painter.setFont(font)
    painter.drawText(QRectF(0, 40, 1200, 80), Qt.AlignmentFlag.AlignCenter, "20-11-2026 21:40")
    painter.end()
    image.save(str(path), "JPG")
    return path


def example(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def fill(store: Store, work: Path) -> dict[str, str]:
    """The example checks, one of them finalized, one a draft with a note and a photo."""
    ids: dict[str, str] = {}
    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name == "expected-outcomes.json":
            continue
        [(check_id, _stored)] = store.import_checks([example(path.stem)], path.name)
        ids[path.stem] = check_id
    hemp = ids["landlord-residential-hemp-signs"]
    store.set_note(hemp, "RES-19", "Sterke hennepgeur bij de achterdeur; overdag gordijnen dicht.")
    store.add_attachment(hemp, "RES-19", photo(work / "back-door.jpg"))
    broker = ids["broker-buyer-cash-deposit"]
    store.set_decision(
        broker,
        Decision(
            "must_report", "Aanbetaling van € 15.000 contant voldaan; gemeld bij FIU-Nederland."
        ),
    )
    store.finalize(broker)
    return ids


def shoot(
    app: QApplication, language: str, folder: Path, registry: PackRegistry, ids: dict[str, str]
) -> None:
    set_language(language)
    install_qt_language(app, language)
    preferences = Preferences(examiner_name="M. Jansen", organisation="Jansen Vastgoedbeheer")
    store = Store.open(folder, registry, actor="M. Jansen")
    window = MainWindow(store, preferences)
    window.resize(*WINDOW_SIZE)
    window.show()
    settle(app)
    save(window, f"app-overview-{language}.png")

    window.open_check(ids["landlord-residential-hemp-signs"])
    page = window.check_page
    assert page is not None
    page.editor.show_question("RES-19")
    settle(app)
    save(window, f"app-editor-{language}.png")

    window.open_check(ids["broker-buyer-cash-deposit"])
    page = window.check_page
    assert page is not None
    page.show_review()
    settle(app)
    save(window, f"app-review-{language}.png")

    page.make_report()
    dialog = page.report_dialog
    assert dialog is not None
    dialog.recipient_buttons[Recipient.FIU].click()
    settle(app)
    save(dialog, f"app-report-dialog-{language}.png")
    dialog.close()
    window.close()


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        print("run this on a (virtual) screen: see the module docstring", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work_folder:
        work = Path(work_folder)
        os.environ[CONFIG_DIR_VARIABLE] = str(work / "config")
        app = application()
        registry = PackRegistry.builtin()
        with Store.open(work / "data", registry, actor="M. Jansen") as store:
            ids = fill(store, work)
        for language in ("nl", "en"):
            shoot(app, language, work / "data", registry, ids)
    return 0


if __name__ == "__main__":
    sys.exit(main())
