"""The ``landdesk`` command: the core's command line, with this Qt window as its front end."""

from __future__ import annotations

import argparse
import sys

from app.cli import main as cli_main


def _launch(args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        from ui.self_test import run_self_test

        return run_self_test(args)
    from ui.application import run  # Qt is imported only when the window is wanted

    return run(args)


def main() -> int:
    return cli_main(sys.argv[1:], launch_window=_launch)


if __name__ == "__main__":
    sys.exit(main())
