from django.shortcuts import render


def greet(request):
    # Django templates escape variables unless told otherwise.
    return render(request, "greet.html", {"name": request.GET.get("name", "world")})
