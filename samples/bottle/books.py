import json
import sqlite3

from bottle import Bottle, response

app = Bottle()

# The standard library's sqlite3, as Bottle's tutorial uses; one connection shared read-only.
db = sqlite3.connect(":memory:", check_same_thread=False)
db.row_factory = sqlite3.Row
db.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
db.executemany("INSERT INTO books (title) VALUES (?)", [("Dune",), ("Emma",)])
db.commit()


@app.get("/books")
def books():
    rows = db.execute("SELECT id, title FROM books ORDER BY id").fetchall()
    # Bottle turns a returned dict into JSON, but not a list.
    response.content_type = "application/json"
    return json.dumps([dict(row) for row in rows])
