"""Reads a TMX file with translate-toolkit and prints its (source, target) pairs as JSON.

Used by tests/cli_align.rs to check that trame's TMX reads back in a third-party reader.
Usage: python tmx_pairs.py FILE.tmx
"""
import json
import sys

from translate.storage import tmx

store = tmx.tmxfile.parsefile(sys.argv[1])
print(json.dumps([[unit.source, unit.target] for unit in store.units], ensure_ascii=False))
