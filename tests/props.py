"""Property tests run two ways (see tests/conftest.py for the profiles):

- ``ci`` (the default, what ``scripts/dev.sh test`` and CI run): derandomized, so a run never
  fails on luck; the same examples every time.
- ``fuzz`` (``scripts/dev.sh fuzz``): fresh randomness and ``FUZZ_FACTOR`` times the examples.
  What it finds is added to the test as an explicit ``@example``.
"""

from __future__ import annotations

import os

PROFILE = os.environ.get("LANDDESK_HYPOTHESIS_PROFILE", "ci")
FUZZ_FACTOR = 10


def examples(n: int) -> int:
    """The number of examples a property test runs: n, or many more when fuzzing."""
    return n * FUZZ_FACTOR if PROFILE == "fuzz" else n
