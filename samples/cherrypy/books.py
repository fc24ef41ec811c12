import sqlite3

import cherrypy

# The standard library's sqlite3, as CherryPy's tutorial uses; filled once at start.
db = sqlite3.connect(":memory:", check_same_thread=False)
db.row_factory = sqlite3.Row
db.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
db.executemany("INSERT INTO books (title) VALUES (?)", [("Dune",), ("Emma",)])
db.commit()


class Root:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def books(self):
        rows = db.execute("SELECT id, title FROM books ORDER BY id").fetchall()
        return [dict(row) for row in rows]
