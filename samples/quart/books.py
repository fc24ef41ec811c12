import sqlite3
import tempfile
from pathlib import Path

from quart import Quart, g

app = Quart(__name__)
# The blog tutorial keeps the database path in the config; a temporary file
# lets the sample run with no set-up.
app.config["DATABASE"] = Path(tempfile.mkdtemp()) / "books.db"


def _connect_db():
    engine = sqlite3.connect(app.config["DATABASE"])
    engine.row_factory = sqlite3.Row
    return engine


def init_db():
    db = _connect_db()
    db.executescript(
        """
        DROP TABLE IF EXISTS book;
        CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER);
        INSERT INTO book (title, year) VALUES
            ('Fluent Python', 2022), ('Architecture Patterns with Python', 2020);
        """
    )
    db.commit()
    db.close()


def _get_db():
    if not hasattr(g, "sqlite_db"):
        g.sqlite_db = _connect_db()
    return g.sqlite_db


@app.teardown_appcontext
async def close_db(exception):
    db = g.pop("sqlite_db", None)
    if db is not None:
        db.close()


@app.get("/books")
async def books():
    rows = _get_db().execute("SELECT id, title, year FROM book ORDER BY id").fetchall()
    return [dict(row) for row in rows]


init_db()
