"""ingest: files and strings in, cleaned ``Document`` objects out (offsets refer to these)."""

from tacitus.ingest.clean import Cleaned, clean_text
from tacitus.ingest.readers import MAX_BYTES, from_html, from_text, read_jsonl, read_path

__all__ = ["MAX_BYTES", "Cleaned", "clean_text", "from_html", "from_text", "read_jsonl",
           "read_path"]
