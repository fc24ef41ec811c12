from django.http import JsonResponse
from django.views.decorators.http import require_GET

ITEMS = {1: "Keyboard", 2: "Mouse", 3: "Monitor"}


@require_GET
def item(request, item_id: int):
    # The <int:item_id> converter in urls.py keeps non-integers away from this view.
    if item_id not in ITEMS:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse({"id": item_id, "name": ITEMS[item_id]})
