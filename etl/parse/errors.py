"""The error raised when an article file cannot be read."""


class ArticleError(Exception):
    """An article file that cannot be read, with where the trouble is.

    ``str()`` reads like a compiler message: ``articles/x.txt:3: message``,
    or ``articles/x.txt: message`` when no single line is to blame.
    """

    def __init__(self, file_name, line, message):
        self.file_name = file_name
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self):
        where = self.file_name if self.line is None else f"{self.file_name}:{self.line}"
        return f"{where}: {self.message}"
