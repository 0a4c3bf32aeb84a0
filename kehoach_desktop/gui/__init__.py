"""The window (PySide6). The only package that imports Qt; it calls services, never SQL."""
