"""The desktop app (PySide6): the only package that imports Qt.

``app.run`` starts it; ``main_window`` holds the overview and the open check; every other
module is one page or dialog of it.
"""
