"""The screens of the main window, one module each; `registry` lists them in order."""
