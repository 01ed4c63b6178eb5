"""The README's data dictionary and query list, generated from the schema."""

import re
from pathlib import Path

from .. import schema
from ..serve.queries import QUERIES


def dictionary_markdown(tables=schema.TABLES):
    """Every table's columns as Markdown tables."""
    parts = []
    for table in tables:
        parts.append(f"### `{table.name}`\n\n{table.description}\n")
        parts.append("| column | type | required | description |\n| --- | --- | --- | --- |")
        for f in table.fields:
            key = " (key)" if f.name == table.primary_key else ""
            ref = f" → `{f.references[0]}`" if f.references else ""
            parts.append(f"| `{f.name}`{key} | {f.type}{ref} | {'yes' if f.required else ''} | {f.description} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def queries_markdown(queries=QUERIES):
    """The canned queries as a Markdown list."""
    return "\n".join(f"- **{q.title}** (`/ledger/{q.name}`): {q.description}" for q in queries) + "\n"


def _replace(text, marker, body):
    pattern = re.compile(rf"(<!-- {marker}:start -->\n).*?(<!-- {marker}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def readme_text(text):
    """The README with its generated sections brought up to date."""
    text = _replace(text, "dictionary", dictionary_markdown())
    return _replace(text, "queries", queries_markdown())


def write_readme(path):
    """Update the README's generated sections in place."""
    path = Path(path)
    path.write_text(readme_text(path.read_text(encoding="utf-8")), encoding="utf-8")
