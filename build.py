"""`python build.py` is `vanban build`: every plan under plans/ into outputs/."""

import sys

from vanban.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
