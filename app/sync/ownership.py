"""Who may write which row through a sync file: the rules, per table, in one place.

A signature says who sent a file, not what the sender may touch. DESIGN §4: a township owns
its office row, its users, its cases and everything under them, its inquiries, ratings and
management records; the county owns the catalogue, the calendar and the notices it issues.
A township's batch may insert, update or delete only its own rows; one record naming anything
else refuses the whole file (``OwnershipError``, with the record number, table and reason).

How a row names its office (``owner_link``):

* ``office`` — the row is an office: a township may only send its own (its code, never
  ``is_county``; the id the county already knows for that code);
* a table with ``office_id`` — that column;
* any other table — through its first foreign key to a table that is owned this way (a case
  material through its case, a package's progress through its package …).

Every other foreign key must point at a row of the sender too, except users, which may also be
the county's (a notice the county issued names its officer), and the county-owned reference
tables (a case names its matter). A county notice on a township's case may be answered by that
township: only the reply columns may differ from the county's version.
"""

from __future__ import annotations

from functools import cache

from app.sync import rows

# A county-issued notice that the township answers: the only columns it may change.
REPLY_COLUMNS = {"supervision_notice": frozenset({"reply", "replied_by", "replied_at"})}
# Columns of a township's own office row that it can never set at the county.
OFFICE_FROZEN = ("code", "is_county")
# Foreign keys that may name a county row as well as the sender's own.
COUNTY_REFERENCE_OK = frozenset({"app_user"})


class OwnershipError(ValueError):
    """A record that names a row its sender does not own."""


@cache
def owner_link(table_name: str) -> tuple[str, str] | None:
    """(column, parent table) that says which office owns a row; None for ``office`` itself
    and for the county-owned tables."""
    if table_name == "office" or table_name in rows.COUNTY_OWNED:
        return None
    columns = {c.key for c in rows.table(table_name).columns}
    if "office_id" in columns:
        return ("office_id", "office")
    # A required parent (a package's evidence belongs to the package, whatever report it came with).
    nullable = {c.key: c.nullable for c in rows.table(table_name).columns}
    candidates = sorted((nullable[column], column, parent) for column, parent in rows.foreign_keys(table_name)
                        if parent != "app_user" and parent not in rows.COUNTY_OWNED and parent != table_name)
    return (candidates[0][1], candidates[0][2]) if candidates else None


@cache
def checked_references(table_name: str) -> tuple[tuple[str, str], ...]:
    """Foreign keys (column, parent) whose target must be the sender's (or the county's, for
    users); references to the county-owned tables are not owned by anyone."""
    return tuple((column, parent) for column, parent in rows.foreign_keys(table_name)
                 if parent not in rows.COUNTY_OWNED)


def ownable(table_name: str) -> bool:
    """Whether a township may send rows of this table as its own."""
    return table_name == "office" or owner_link(table_name) is not None
