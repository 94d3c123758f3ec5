"""landdesk core: models, services, catalogue, calendar, printing, sync. No Qt here."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("landdesk")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"
