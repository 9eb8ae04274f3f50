"""Every exception Parley raises, in one place: the CLI turns them into one-line messages."""


class ParleyError(Exception):
    """Base class of Parley's errors."""


class InputError(ParleyError):
    """An input file or record cannot be read; names the file and, where known, the record."""

    def __init__(self, path: str, reason: str, record: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.record = record
        where = f"{path}" if record is None else f"{path}, record {record}"
        super().__init__(f"{where}: {reason}")


class ModelError(ParleyError):
    """The spaCy pipeline is missing or unusable."""


class LexiconError(ParleyError):
    """A lexicon or dictionary data file is malformed."""


class StoreError(ParleyError):
    """The event store cannot be opened, upgraded or written."""


class QueryError(ParleyError):
    """A query filter is invalid; names the parameter."""

    def __init__(self, parameter: str, reason: str) -> None:
        self.parameter = parameter
        self.reason = reason
        super().__init__(f"{parameter}: {reason}")


class GoldError(ParleyError):
    """A gold-standard file or line is malformed; names the file and the 1-based line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}" if line is None else f"{path}, line {line}"
        super().__init__(f"{where}: {reason}")


class SparkJobError(ParleyError):
    """The Spark job cannot start or finish (no Java, no pyspark, output already there)."""


class CodingError(ParleyError):
    """Parallel coding cannot go on: a worker process died or failed outside one article."""
