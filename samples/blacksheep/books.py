import sqlite3

from blacksheep import Application, Router, json


def create_db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    db.executescript(
        """
        CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER);
        INSERT INTO book (title, year) VALUES
            ('Fluent Python', 2022), ('Architecture Patterns with Python', 2020);
        """
    )
    return db


# Its own Router, because the tests load several applications into one process.
router = Router()
app = Application(router=router)
# Registered as a singleton: handlers get it by annotating a parameter with its type.
app.services.add_instance(create_db(), sqlite3.Connection)


@router.get("/books")
async def books(db: sqlite3.Connection):
    rows = db.execute("SELECT id, title, year FROM book ORDER BY id").fetchall()
    return json([dict(row) for row in rows])
