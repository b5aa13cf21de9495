"""The files kept with one answer: adding them (a file dialog, or dropped files), a list with
name, size and a thumbnail for images, opening one in the system viewer, and removing one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Attachment
from vastgoedcheck.file_types import HEAD_BYTES, without_bidi
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_file_size
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.attachment_opening import kind_label, kind_of, open_attachment
from vastgoedcheck.ui.feedback import attempt

THUMBNAIL_SIZE = 96
_last_folder: Path | None = None  # where the user last chose files, in this session
_SHA_ROLE = Qt.ItemDataRole.UserRole
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def start_folder() -> Path:
    """Where choosing files starts: the folder used last, else the user's Pictures or
    Documents, never the working directory (Program Files or System32 when started from a
    shortcut on Windows)."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    for location in (
        QStandardPaths.StandardLocation.PicturesLocation,
        QStandardPaths.StandardLocation.DocumentsLocation,
    ):
        found = QStandardPaths.writableLocation(location)
        if found and Path(found).is_dir():
            return Path(found)
    return Path.home()


IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff *.bmp"
DOCUMENT_PATTERNS = "*.pdf *.doc *.docx *.odt *.rtf *.txt *.xls *.xlsx *.ods *.eml *.msg"


def attachment_filters() -> str:
    """The attach dialog's file types: photos and documents first, any file last (a file
    of another type can still be kept; it is then only shown in its folder)."""
    return ";;".join(
        (
            _("Photos and documents ({patterns})").format(
                patterns=f"{IMAGE_PATTERNS} {DOCUMENT_PATTERNS}"
            ),
            _("Photos ({patterns})").format(patterns=IMAGE_PATTERNS),
            _("Documents ({patterns})").format(patterns=DOCUMENT_PATTERNS),
            _("All files (*)"),
        )
    )


class ThumbnailCache:
    """Thumbnails by content hash, each image decoded once (content never changes)."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._icons: dict[str, QIcon | None] = {}

    def get(self, sha256: str, content: Callable[[], bytes | None]) -> QIcon | None:
        if sha256 not in self._icons:
            if len(self._icons) >= self.limit:
                self._icons.pop(next(iter(self._icons)))
            data = content()
            self._icons[sha256] = None if data is None else _read_thumbnail(data)
        return self._icons[sha256]


def _read_thumbnail(content: bytes) -> QIcon | None:
    """A thumbnail of at most THUMBNAIL_SIZE pixels, upright as the camera meant it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(content))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    if not reader.canRead():
        return None
    size = reader.size()
    if size.isValid() and (size.width() > THUMBNAIL_SIZE or size.height() > THUMBNAIL_SIZE):
        reader.setScaledSize(
            size.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        return None
    return QIcon(QPixmap.fromImage(image))


THUMBNAILS = ThumbnailCache()
_HEADS: dict[str, bytes] = {}  # the first bytes of each attachment shown, by SHA-256


class _Files(QListWidget):
    """The list itself; Delete asks to remove the selected file."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class AttachmentList(QWidget):
    """The attachments of one answer. ``attach_button`` ("Attach files…") is placed by the
    question card; ``stored`` carries the check after each stored change."""

    stored = Signal(object)

    def __init__(
        self,
        store: Store,
        check_id: str,
        question_id: str,
        attachments: Sequence[Attachment] = (),
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.question_id = question_id
        self.read_only = read_only
        self.setObjectName("attachments")

        self.attach_button = QPushButton(_("Attach files…"))
        self.attach_button.setObjectName("attachButton")
        self.attach_button.setToolTip(
            _("Attach photos or documents (or drag files onto this question)")
        )
        self.attach_button.clicked.connect(self.choose_files)

        self.files = _Files()
        self.files.setObjectName("attachmentList")
        self.files.setAccessibleName(_("Attachments of {id}").format(id=question_id))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.files.setWordWrap(True)
        self.files.itemActivated.connect(self.open_item)
        self.files.currentRowChanged.connect(self._update_buttons)
        self.files.delete_pressed.connect(self.remove_selected)

        self.open_button = QPushButton(_("Open"))
        self.open_button.setObjectName("openAttachmentButton")
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(_("Remove…"))
        self.remove_button.setObjectName("removeAttachmentButton")
        self.remove_button.clicked.connect(self.remove_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        if read_only:  # hiding only: showing a widget without a parent would open a window
            self.attach_button.hide()
            self.remove_button.hide()
        self._fill(attachments)
        if not attachments:
            self.hide()

    # -- showing ---------------------------------------------------------------------------

    def set_attachments(self, attachments: Sequence[Attachment]) -> None:
        self._fill(attachments)
        self.setVisible(bool(attachments))

    def _fill(self, attachments: Sequence[Attachment]) -> None:
        selected = self.selected_sha256()
        self.files.clear()
        images = False
        for attachment in attachments:
            kind = kind_of(self._head(attachment.sha256))  # what it is, whatever its name says
            name = without_bidi(attachment.name)
            item = QListWidgetItem(
                _("{name} ({type}, {size})").format(
                    name=name, type=kind_label(kind), size=format_file_size(attachment.size)
                )
            )
            item.setData(_SHA_ROLE, attachment.sha256)
            item.setData(_NAME_ROLE, attachment.name)
            item.setToolTip(name)
            icon = None
            if kind is not None and kind.media_type.startswith("image/"):
                icon = THUMBNAILS.get(attachment.sha256, partial(self._content, attachment.sha256))
            if icon is not None:
                images = True
            else:
                icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            item.setIcon(icon)
            self.files.addItem(item)
            if attachment.sha256 == selected:
                self.files.setCurrentItem(item)
        if images:
            self.files.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        else:
            height = self.fontMetrics().height()
            self.files.setIconSize(QSize(height, height))
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.files.item(row).text() for row in range(self.files.count())]

    def has_thumbnail(self, row: int) -> bool:
        item = self.files.item(row)
        sha256 = item.data(_SHA_ROLE)
        return THUMBNAILS.get(sha256, partial(self._content, sha256)) is not None

    def _content(self, sha256: str) -> bytes | None:
        """The plain content of a stored attachment; None when it cannot be read (opening
        it says why)."""
        try:
            return self.store.attachment_content(sha256)
        except StoreError:
            return None

    def _head(self, sha256: str) -> bytes | None:
        """The first bytes of a stored attachment (its kind never changes: kept by hash)."""
        if sha256 not in _HEADS:
            content = self._content(sha256)
            if content is None:
                return None
            _HEADS[sha256] = content[:HEAD_BYTES]
        return _HEADS[sha256]

    def selected_sha256(self) -> str | None:
        item = self.files.currentItem()
        return None if item is None else str(item.data(_SHA_ROLE))

    def _update_buttons(self) -> None:
        chosen = self.files.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self.read_only)

    # -- changing --------------------------------------------------------------------------

    def choose_files(self) -> None:
        global _last_folder
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Attach files to {id}").format(id=self.question_id),
            str(start_folder()),
            attachment_filters(),
        )
        chosen = [Path(name) for name in names if name]
        if chosen:
            _last_folder = chosen[0].parent
        self.add_files(chosen)

    def add_files(self, paths: Sequence[Path]) -> None:
        """Keep a copy of each file with the answer; a file that cannot be added says why."""
        if self.read_only or not paths:
            return
        added = False
        for path in paths:
            result = attempt(self, self.store.add_attachment, self.check_id, self.question_id, path)
            added = added or result is not None
        if added:
            check = attempt(self, self.store.get, self.check_id)
            if check is not None:
                answer = check.answers.get(self.question_id)
                self.set_attachments(answer.attachments if answer else ())
                self.stored.emit(check)

    def remove_selected(self) -> None:
        item = self.files.currentItem()
        if item is None or self.read_only:
            return
        sha256 = str(item.data(_SHA_ROLE))
        name = item.toolTip()
        answer = QMessageBox.question(
            self,
            _("Remove attachment"),
            _("Remove {name} from this answer?").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        check = attempt(self, self.store.remove_attachment, self.check_id, self.question_id, sha256)
        if check is not None:
            answer_now = check.answers.get(self.question_id)
            self.set_attachments(answer_now.attachments if answer_now else ())
            self.stored.emit(check)

    # -- opening ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        item = self.files.currentItem()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: QListWidgetItem) -> None:
        """Open the stored copy: a picture or PDF in the system's viewer, anything else only
        in its folder, after a warning."""
        sha256 = str(item.data(_SHA_ROLE))
        open_attachment(self, self.store, sha256, str(item.data(_NAME_ROLE)))
