import sqlite3

import falcon

# The standard library's sqlite3; one in-memory database, filled at start.
db = sqlite3.connect(":memory:", check_same_thread=False)
db.row_factory = sqlite3.Row
db.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
db.executemany("INSERT INTO books (title) VALUES (?)", [("Dune",), ("Emma",)])
db.commit()


class BooksResource:
    def on_get(self, req, resp):
        rows = db.execute("SELECT id, title FROM books ORDER BY id").fetchall()
        resp.media = [dict(row) for row in rows]


app = falcon.App()
app.add_route("/books", BooksResource())
