"""Reusable widgets of the grading workbench."""
