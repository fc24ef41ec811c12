import sqlite3

import tornado


def create_db():
    # Tornado has no database layer; the standard library's sqlite3 serves here.
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


class BooksHandler(tornado.web.RequestHandler):
    def initialize(self, db):
        self.db = db

    def get(self):
        rows = self.db.execute("SELECT id, title, year FROM book ORDER BY id").fetchall()
        # write() refuses lists (a JSON-hijacking guard), so encode it ourselves.
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.write(tornado.escape.json_encode([dict(row) for row in rows]))


def make_app():
    return tornado.web.Application([(r"/books", BooksHandler, {"db": create_db()})])
