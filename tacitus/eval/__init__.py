"""eval: accuracy on published gold data (the files in ../shared/eval)."""
