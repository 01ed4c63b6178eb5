"""Read YAML files so that every mapping remembers the line it starts on."""

from pathlib import Path

import yaml

from .errors import BuildError

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's line number under LINE."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Keep dates as the strings they were written as: "2025-06" and "2025" must
# not turn into other types than "2025-06-16" does.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path):
    """Parse a YAML file, raising BuildError with file and line on bad syntax."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise BuildError(path, None, f"not UTF-8 ({error.reason})") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise BuildError(path, line, f"malformed YAML: {error.problem or error}") from None


def line_of(mapping, default=None):
    """The line a mapping started on, if it was read by load_yaml."""
    if isinstance(mapping, dict):
        return mapping.get(LINE, default)
    return default


def without_line(mapping):
    """The mapping without its line-number bookkeeping."""
    return {k: v for k, v in mapping.items() if k != LINE}
