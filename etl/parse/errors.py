"""The error raised when an article file cannot be read."""

from ..errors import BuildError


class ArticleError(BuildError):
    """An article file that cannot be read, with where the trouble is.

    ``str()`` reads like a compiler message: ``articles/x.txt:3: message``,
    or ``articles/x.txt: message`` when no single line is to blame.
    """

    def __init__(self, file_name, line, message):
        self.file_name = file_name
        super().__init__(file_name, line, message)
