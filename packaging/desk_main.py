"""Entry point of the frozen build (PyInstaller): the same as the ``desk`` command."""

import sys

from desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
