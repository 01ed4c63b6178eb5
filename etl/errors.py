"""The one error the build raises for bad input: it names the file and line."""

from pathlib import Path


class BuildError(Exception):
    """Bad input that stops the build. str() reads ``path:line: message``."""

    def __init__(self, path, line, message):
        self.path = Path(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self):
        where = str(self.path) if self.path is not None else "<input>"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}"
