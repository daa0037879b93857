"""The PySide6 desktop workbench: thin views over the casework services."""
