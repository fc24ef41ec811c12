from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class Book(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]


app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
db.init_app(app)

with app.app_context():
    db.create_all()
    db.session.add_all([Book(title="Dune"), Book(title="Emma")])
    db.session.commit()


@app.get("/books")
def books():
    rows = db.session.execute(db.select(Book).order_by(Book.id)).scalars()
    return [{"id": b.id, "title": b.title} for b in rows]
