"""Screens of the grading workbench, one per module."""
