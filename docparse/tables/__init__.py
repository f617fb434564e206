"""One table layer: every table — a true grid from Word or PDF, or a table flattened to text lines —
read with one column vocabulary (``rules/tables/``) into one typed view (:class:`TableView`): header
cells naming their columns' roles, the unit each column carries, body cells with their role, unit and
provenance. Mentions in tables, the self-evaluation table's money rows and indicators all read it."""

from docparse.tables.view import TableView, TypedCell

__all__ = ["TableView", "TypedCell"]
