"""Service functions: every job the TUI and CLI do, with roles enforced here.

The faces (``cli``, ``tui``) call these and nothing else; no SQL lives in them.
"""
