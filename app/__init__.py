"""landdesk core: models, services, catalogue, calendar, printing, sync. No Qt here."""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The installed version (from pyproject.toml through the package metadata).

    Looked up on first use: importing importlib.metadata costs start-up time the
    window should not pay before it is shown.
    """
    from importlib import metadata

    try:
        return metadata.version("landdesk")
    except metadata.PackageNotFoundError:  # a source tree without install
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(name)
