"""Dialogs: the start (workspace, login, lock), the import, the intake form, the crash report."""
