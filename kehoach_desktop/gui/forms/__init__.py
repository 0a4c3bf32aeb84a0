"""Python generated from the Qt Designer forms in ui/ (run `python -m kehoach_desktop.gui.forms.build`).

Generated at development time and committed, so the user's machine needs no
pyside6-uic; tests/test_forms_generated.py fails when a form and its module disagree.
"""
