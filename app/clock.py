"""The program's one clock.

Every time the program writes — audit and change logs, events, drafts, backups and their
names, sync headers, printed dates — comes from the clock the services were given
(``ServiceContext.clock``). This module is the only place that reads the PC's wall clock:
``system_clock`` is what the window and the command line hand to the services; tests hand
them a fixed one. ``tests/test_architecture.py`` fails on any other wall-clock read in
``app/`` or ``ui/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """The PC's clock, as an aware UTC moment."""
    return dt.datetime.now(dt.UTC)
