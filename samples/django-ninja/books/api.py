from ninja import ModelSchema, Router

from .models import Book

router = Router()


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ["id", "title"]


@router.get("/books", response=list[BookOut])
def list_books(request):
    return Book.objects.order_by("id")
