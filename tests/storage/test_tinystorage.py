"""The TinyDB side of the store: a table that changes documents in place, saved atomically."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from followup_tui.storage.datafile import INTERVIEWS, empty_tables
from followup_tui.storage.errors import StoreError
from followup_tui.storage.tinystorage import AtomicJSONStorage, open_table


def test_a_change_touches_only_its_documents_and_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path, empty_tables(), None)
    table = open_table(storage, INTERVIEWS)
    assert table.insert_multiple([{"n": 1}, {"n": 2}, {"n": 3}]) == [1, 2, 3]
    stored = storage.read()[INTERVIEWS]
    first = stored["1"]

    table.update({"n": 20}, doc_ids=[2])

    # Neither the table nor the documents it did not change were copied.
    assert storage.read()[INTERVIEWS] is stored
    assert stored["1"] is first
    assert orjson.loads(path.read_bytes())[INTERVIEWS] == {
        "1": {"n": 1},
        "2": {"n": 20},
        "3": {"n": 3},
    }


def test_removed_ids_are_not_reused_and_queries_still_work(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path, empty_tables(), None)
    table = open_table(storage, INTERVIEWS)
    table.insert_multiple([{"n": 1}, {"n": 2}, {"n": 3}])
    table.remove(doc_ids=[3])
    table.remove(lambda doc: doc["n"] == 1)
    assert table.insert({"n": 4}) == 4
    assert [(doc.doc_id, doc["n"]) for doc in table.all()] == [(2, 2), (4, 4)]
    assert table.search(lambda doc: doc["n"] > 2) == [{"n": 4}]
    table.update({"seen": True}, lambda doc: doc["n"] == 2)
    saved = orjson.loads(path.read_bytes())
    assert saved[INTERVIEWS] == {"2": {"n": 2, "seen": True}, "4": {"n": 4}}
    assert saved["meta"] == empty_tables()["meta"]


def test_a_batch_that_fails_half_way_leaves_memory_as_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path, empty_tables(), None)
    table = open_table(storage, INTERVIEWS)
    table.insert_multiple([{"n": 1}, {"n": 2}])
    on_disk = path.read_bytes()
    with pytest.raises(RuntimeError), storage.batch():
        table.update({"n": 10}, doc_ids=[1])
        table.remove(doc_ids=[2])
        raise RuntimeError("half-way")
    assert storage.read() == orjson.loads(on_disk)
    assert path.read_bytes() == on_disk
    assert [doc["n"] for doc in table.all()] == [1, 2]


def test_what_json_cannot_hold_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path, empty_tables(), None)
    table = open_table(storage, INTERVIEWS)
    table.insert({"n": 1})
    with pytest.raises(StoreError, match="Nothing was changed"):
        table.update({"n": {1, 2}}, doc_ids=[1])
    assert [doc["n"] for doc in table.all()] == [1]
    assert orjson.loads(path.read_bytes())[INTERVIEWS] == {"1": {"n": 1}}
