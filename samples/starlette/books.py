from contextlib import asynccontextmanager

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.pool import StaticPool
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.routing import Route

metadata = MetaData()
books = Table("books", metadata, Column("id", Integer, primary_key=True), Column("title", String))
# One in-memory database shared by every thread.
engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)


def fetch_books() -> list[dict]:
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(select(books).order_by(books.c.id)).mappings()]


async def list_books(request):
    # SQLAlchemy's engine blocks, so the query runs off the event loop.
    return JSONResponse(await run_in_threadpool(fetch_books))


@asynccontextmanager
async def lifespan(app):
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(books.insert(), [{"title": "Dune"}, {"title": "Emma"}])
    yield


app = Starlette(routes=[Route("/books", list_books)], lifespan=lifespan)
