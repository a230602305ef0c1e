"""The grading workbench: a Textual face over the service layer.

Nothing here is imported by the core. ``moderator.tui.app.create_app`` builds
the app for the CLI and for tests; see ``app.py``.
"""
