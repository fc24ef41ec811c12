from django.http import JsonResponse

from .models import Book


def book_list(request):
    books = Book.objects.order_by("id").values("id", "title")
    return JsonResponse(list(books), safe=False)
