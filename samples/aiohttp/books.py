import aiosqlite
from aiohttp import web

db_key = web.AppKey("db", aiosqlite.Connection)

routes = web.RouteTableDef()


async def sqlite_db(app):
    # A cleanup context opens the connection at start-up and closes it at shutdown.
    async with aiosqlite.connect(":memory:") as db:
        db.row_factory = aiosqlite.Row
        await db.executescript(
            """
            CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER);
            INSERT INTO book (title, year) VALUES
                ('Fluent Python', 2022), ('Architecture Patterns with Python', 2020);
            """
        )
        app[db_key] = db
        yield


@routes.get("/books")
async def books(request):
    db = request.app[db_key]
    async with db.execute("SELECT id, title, year FROM book ORDER BY id") as cursor:
        rows = await cursor.fetchall()
    return web.json_response([dict(row) for row in rows])


def create_app():
    app = web.Application()
    app.cleanup_ctx.append(sqlite_db)
    app.add_routes(routes)
    return app
