"""One open document and the heavy work done on it, without Qt (the window's and the CLI's core)."""
