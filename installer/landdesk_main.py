"""The frozen program's entry script (PyInstaller runs this; everything else is in packages)."""

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
