from pyramid.config import Configurator
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]


engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Book(title="Dune"), Book(title="Emma")])
    session.commit()


def dbsession(request):
    # One session per request, closed when the request ends.
    session = Session(engine)
    request.add_finished_callback(lambda request: session.close())
    return session


def list_books(request):
    books = request.dbsession.scalars(select(Book).order_by(Book.id))
    return [{"id": b.id, "title": b.title} for b in books]


with Configurator() as config:
    config.add_request_method(dbsession, reify=True)
    config.add_route("books", "/books")
    config.add_view(list_books, route_name="books", renderer="json")
    app = config.make_wsgi_app()
