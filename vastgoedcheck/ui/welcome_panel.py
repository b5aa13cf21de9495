"""The overview's welcome, shown while there are no checks yet: what the app does, and a big
"New check" button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from vastgoedcheck.i18n import _


def make_welcome() -> tuple[QWidget, QPushButton]:
    """The panel and its "New check" button."""
    panel = QWidget()
    panel.setObjectName("welcomePanel")
    title = QLabel(_("Welcome to vastgoedcheck"))
    title.setObjectName("welcomeTitle")
    font = QFont(title.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    title.setFont(font)
    title.setWordWrap(True)
    paragraphs = [
        _(
            "Screen tenants, buyers and transactions with red-flag checklists made for "
            "landlords, estate agents and notaries."
        ),
        _(
            "Answer the questions and you get an explained outcome. You decide what to do; "
            "your decision and your reasons are recorded with the check."
        ),
        _(
            "Everything stays on this computer. When a report is needed, the app makes a "
            "PDF for the police, the municipality or FIU-Nederland."
        ),
    ]
    new = QPushButton(_("&New check"))
    new.setObjectName("welcomeNewCheck")
    new.setDefault(True)
    button_font = QFont(new.font())
    button_font.setPointSizeF(button_font.pointSizeF() * 1.3)
    button_font.setBold(True)
    new.setFont(button_font)
    button_metrics = new.fontMetrics()
    new.setMinimumHeight(round(button_metrics.height() * 2.2))
    new.setMinimumWidth(button_metrics.horizontalAdvance("M") * 9)

    column = QVBoxLayout()
    column.setSpacing(title.fontMetrics().height())
    column.addWidget(title)
    for text in paragraphs:
        label = QLabel(text)
        label.setObjectName("welcomeText")
        label.setWordWrap(True)
        body = QFont(label.font())
        body.setPointSizeF(body.pointSizeF() * 1.15)
        label.setFont(body)
        column.addWidget(label)
    column.addWidget(new, 0, Qt.AlignmentFlag.AlignLeft)
    content = QWidget()
    content.setLayout(column)
    content.setMaximumWidth(title.fontMetrics().averageCharWidth() * 60)
    content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    outer = QVBoxLayout(panel)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(content, 3)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return panel, new
